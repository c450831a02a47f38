"""English (CLDR "en") date and time formats as CLDR writes them (short and medium; see
roundtable/formats/tests/test_cldr.py, which compares them with Babel's CLDR data).

Django's own "N j, Y" and "m/d/Y P" are the Associated Press style ("Dec. 2, 2026", "2:30 a.m."), not CLDR's.
Everything this module does not set (input formats, number separators, first day of the week)
comes from Django's own module for the language.
"""

# Django date format syntax: https://docs.djangoproject.com/en/5.2/ref/templates/builtins/#date
# N is the abbreviated month, E the month in a date ("2. prosinca"), F the month on its own.
DATE_FORMAT = "M j, Y"
SHORT_DATE_FORMAT = "n/j/y"
TIME_FORMAT = "g:i\u202fA"
DATETIME_FORMAT = "M j, Y, g:i\u202fA"
SHORT_DATETIME_FORMAT = "n/j/y, g:i\u202fA"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "F j"
