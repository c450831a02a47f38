"""Hungarian date and time formats as CLDR writes them (short and medium; see
roundtable/formats/tests/test_cldr.py, which compares them with Babel's CLDR data).

CLDR spaces Hungarian numeric dates ("2026. 12. 02.") and abbreviates the month in medium dates.
Everything this module does not set (input formats, number separators, first day of the week)
comes from Django's own module for the language.
"""

# Django date format syntax: https://docs.djangoproject.com/en/5.2/ref/templates/builtins/#date
# N is the abbreviated month, E the month in a date ("2. prosinca"), F the month on its own.
DATE_FORMAT = "Y. N j."
SHORT_DATE_FORMAT = "Y. m. d."
TIME_FORMAT = "G:i"
DATETIME_FORMAT = "Y. N j. G:i"
SHORT_DATETIME_FORMAT = "Y. m. d. G:i"
YEAR_MONTH_FORMAT = "Y. E"
MONTH_DAY_FORMAT = "E j."
