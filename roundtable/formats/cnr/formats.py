# Montenegrin date and number formats. Django ships no "cnr" locale: the input formats and
# separators below are copied from Django's sr_Latn locale; the display formats are CLDR's
# sr_Latn_ME (Serbian, Latin script, Montenegro), compared with Babel's CLDR data by
# roundtable/formats/tests/test_cldr.py. CLDR writes medium dates with numbers ("2. 12. 2026.").
# This file is distributed under the same license as the Django package.
#
# The *_FORMAT strings use the Django date format syntax,
# see https://docs.djangoproject.com/en/dev/ref/templates/builtins/#date
DATE_FORMAT = "j. n. Y."
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j. n. Y. H:i"
YEAR_MONTH_FORMAT = "E Y."
MONTH_DAY_FORMAT = "j. E"
SHORT_DATE_FORMAT = "j. n. Y."
SHORT_DATETIME_FORMAT = "j. n. Y. H:i"
FIRST_DAY_OF_WEEK = 1

# The *_INPUT_FORMATS strings use the Python strftime format syntax,
# see https://docs.python.org/library/datetime.html#strftime-strptime-behavior
DATE_INPUT_FORMATS = [
    "%d.%m.%Y.",  # '25.10.2006.'
    "%d.%m.%y.",  # '25.10.06.'
    "%d. %m. %Y.",  # '25. 10. 2006.'
    "%d. %m. %y.",  # '25. 10. 06.'
    # "%d. %b %y.",  # '25. Oct 06.'
    # "%d. %B %y.",  # '25. October 06.'
    # "%d. %b '%y.",  # '25. Oct '06.'
    # "%d. %B '%y.",  #'25. October '06.'
    # "%d. %b %Y.",  # '25. Oct 2006.'
    # "%d. %B %Y.",  # '25. October 2006.'
]
DATETIME_INPUT_FORMATS = [
    "%d.%m.%Y. %H:%M:%S",  # '25.10.2006. 14:30:59'
    "%d.%m.%Y. %H:%M:%S.%f",  # '25.10.2006. 14:30:59.000200'
    "%d.%m.%Y. %H:%M",  # '25.10.2006. 14:30'
    "%d.%m.%y. %H:%M:%S",  # '25.10.06. 14:30:59'
    "%d.%m.%y. %H:%M:%S.%f",  # '25.10.06. 14:30:59.000200'
    "%d.%m.%y. %H:%M",  # '25.10.06. 14:30'
    "%d. %m. %Y. %H:%M:%S",  # '25. 10. 2006. 14:30:59'
    "%d. %m. %Y. %H:%M:%S.%f",  # '25. 10. 2006. 14:30:59.000200'
    "%d. %m. %Y. %H:%M",  # '25. 10. 2006. 14:30'
    "%d. %m. %y. %H:%M:%S",  # '25. 10. 06. 14:30:59'
    "%d. %m. %y. %H:%M:%S.%f",  # '25. 10. 06. 14:30:59.000200'
    "%d. %m. %y. %H:%M",  # '25. 10. 06. 14:30'
]
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "."
NUMBER_GROUPING = 3
