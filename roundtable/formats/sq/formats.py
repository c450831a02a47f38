"""Albanian date and time formats as CLDR writes them (short and medium; see
roundtable/formats/tests/test_cldr.py, which compares them with Babel's CLDR data).

Django's sq module has no date-time formats, so Albanian pages fell back to the US default.
Everything this module does not set (input formats, number separators, first day of the week)
comes from Django's own module for the language.
"""

# Django date format syntax: https://docs.djangoproject.com/en/5.2/ref/templates/builtins/#date
# N is the abbreviated month, E the month in a date ("2. prosinca"), F the month on its own.
DATE_FORMAT = "j N Y"
SHORT_DATE_FORMAT = "j.n.y"
TIME_FORMAT = "g:i\u202fA"
DATETIME_FORMAT = "j N Y, g:i\u202fA"
SHORT_DATETIME_FORMAT = "j.n.y, g:i\u202fA"
YEAR_MONTH_FORMAT = "E Y"
MONTH_DAY_FORMAT = "j E"
