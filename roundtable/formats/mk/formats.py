"""Macedonian date and time formats as CLDR writes them (short and medium; see
roundtable/formats/tests/test_cldr.py, which compares them with Babel's CLDR data).

CLDR ends Macedonian dates with "г." (година) after a narrow no-break space.
Everything this module does not set (input formats, number separators, first day of the week)
comes from Django's own module for the language.
"""

# Django date format syntax: https://docs.djangoproject.com/en/5.2/ref/templates/builtins/#date
# N is the abbreviated month, E the month in a date ("2. prosinca"), F the month on its own.
DATE_FORMAT = "j N Y\u202fг."
SHORT_DATE_FORMAT = "j.n.Y\u202fг."
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j N Y\u202fг., H:i"
SHORT_DATETIME_FORMAT = "j.n.Y\u202fг., H:i"
YEAR_MONTH_FORMAT = "E Y\u202fг."
MONTH_DAY_FORMAT = "j E"
