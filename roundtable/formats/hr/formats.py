"""Croatian date and time formats as CLDR writes them (short and medium; see
roundtable/formats/tests/test_cldr.py, which compares them with Babel's CLDR data).

Django's hr module spells out the month in DATE_FORMAT and uses the nominative after a day ("2. prosinac").
Everything this module does not set (input formats, number separators, first day of the week)
comes from Django's own module for the language.
"""

# Django date format syntax: https://docs.djangoproject.com/en/5.2/ref/templates/builtins/#date
# N is the abbreviated month, E the month in a date ("2. prosinca"), F the month on its own.
DATE_FORMAT = "j. N Y."
SHORT_DATE_FORMAT = "d. m. Y."
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j. N Y. H:i"
SHORT_DATETIME_FORMAT = "d. m. Y. H:i"
YEAR_MONTH_FORMAT = "F Y."
MONTH_DAY_FORMAT = "j. E"
