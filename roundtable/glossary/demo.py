"""Demo glossary: about thirty agreed terms, each worded and defined in every language."""

from django.conf import settings

from roundtable.content.demo import load, locale_for, localize
from roundtable.glossary.models import Term

ORDER = 15


def create_terms() -> None:
    english = locale_for(settings.LANGUAGE_CODE)
    for entry in load("glossary.json"):
        source = entry["entries"][settings.LANGUAGE_CODE]
        term, _created = Term.objects.get_or_create(
            locale=english,
            slug=entry["slug"],
            defaults={"term": source["term"], "definition": source["definition"]},
        )
        for code, wording in entry["entries"].items():
            if code != settings.LANGUAGE_CODE:
                localize(term, code, {"term": wording["term"], "definition": wording["definition"]})


def steps():
    return [("glossary", create_terms)]
