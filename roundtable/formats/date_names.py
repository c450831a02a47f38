"""The words in Roundtable's dates: month names and the 12-hour clock's AM and PM.

Django translates them in its own catalogues (django/utils/dates.py and dateformat.py), often
capitalised where a language writes them in lower case mid-sentence ("4 Mars 2026" in Albanian),
and not at all for Montenegrin. Listing them here puts them into our catalogues, which come first,
so that each language shows CLDR's names; roundtable/formats/tests/test_cldr.py checks every
one against CLDR. Never imported.
"""

from django.utils.translation import gettext_noop, pgettext_lazy

DATE_NAMES = [
    # Translators: a month on its own, as in "January 2026" (CLDR: stand-alone, wide). Lower case
    # unless your language capitalises month names.
    gettext_noop("January"),
    gettext_noop("February"),
    gettext_noop("March"),
    gettext_noop("April"),
    gettext_noop("May"),
    gettext_noop("June"),
    gettext_noop("July"),
    gettext_noop("August"),
    gettext_noop("September"),
    gettext_noop("October"),
    gettext_noop("November"),
    gettext_noop("December"),
    # Translators: a month in a date, as in "4 January" (CLDR: format, wide; the genitive in
    # Croatian: "4. siječnja"). Lower case unless your language capitalises month names.
    pgettext_lazy("alt. month", "January"),
    pgettext_lazy("alt. month", "February"),
    pgettext_lazy("alt. month", "March"),
    pgettext_lazy("alt. month", "April"),
    pgettext_lazy("alt. month", "May"),
    pgettext_lazy("alt. month", "June"),
    pgettext_lazy("alt. month", "July"),
    pgettext_lazy("alt. month", "August"),
    pgettext_lazy("alt. month", "September"),
    pgettext_lazy("alt. month", "October"),
    pgettext_lazy("alt. month", "November"),
    pgettext_lazy("alt. month", "December"),
    # Translators: an abbreviated month in a date, as in "4 Jan 2026" (CLDR: format,
    # abbreviated), with CLDR's full stop or without one.
    pgettext_lazy("abbrev. month", "Jan."),
    pgettext_lazy("abbrev. month", "Feb."),
    pgettext_lazy("abbrev. month", "March"),
    pgettext_lazy("abbrev. month", "April"),
    pgettext_lazy("abbrev. month", "May"),
    pgettext_lazy("abbrev. month", "June"),
    pgettext_lazy("abbrev. month", "July"),
    pgettext_lazy("abbrev. month", "Aug."),
    pgettext_lazy("abbrev. month", "Sept."),
    pgettext_lazy("abbrev. month", "Oct."),
    pgettext_lazy("abbrev. month", "Nov."),
    pgettext_lazy("abbrev. month", "Dec."),
    # Translators: before noon on a 12-hour clock, as in "9:30 AM" (CLDR: day period, format,
    # abbreviated). Only shown where your language's times use a 12-hour clock.
    gettext_noop("AM"),
    # Translators: after noon on a 12-hour clock, as in "2:30 PM".
    gettext_noop("PM"),
]
