"""Language names read the same way everywhere within a language.

South Slavic languages, Albanian, Romanian, Hungarian, Bulgarian and Macedonian write the
names of languages in lower case in running text and in lists ("engleski", "anglisht",
"angol"); English capitalises them. Every place that names a language in the reader's
language (profile languages, document languages, the forum's language choice, news cards)
uses `name_translated`, from our catalogues. The language switcher is the exception, decided
in roundtable/core/languages.py: there each language is named in itself, capitalised as a
menu label.
"""

import lxml.html
import pytest
from django.conf import settings
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import get_language_info, gettext

from roundtable.accounts.choices import SPOKEN_LANGUAGES, language_name
from roundtable.accounts.models import Profile

INTERFACE = [code for code, _name in settings.LANGUAGES]
TRANSLATED = [code for code in INTERFACE if code != settings.LANGUAGE_CODE]
ALL_NAMED = list(dict.fromkeys(INTERFACE + SPOKEN_LANGUAGES))


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_language_name_is_lower_case_in_languages_that_want_it(language):
    with translation.override(language):
        names = {code: str(get_language_info(code)["name_translated"]) for code in ALL_NAMED}
        choices = {code: str(name) for code, name in settings.LANGUAGES}
    capitalised = {code: name for code, name in {**names, **choices}.items() if name[0].isupper()}
    assert capitalised == {}


def test_english_capitalises_language_names():
    with translation.override("en"):
        names = [str(get_language_info(code)["name_translated"]) for code in ALL_NAMED]
    assert all(name[0].isupper() for name in names), names


@pytest.mark.parametrize("language", TRANSLATED)
def test_a_language_name_is_a_bare_name_in_every_list(language):
    """Not "български език" next to "английски", nor "Latinski srpski" next to "srpski"."""
    with translation.override(language):
        serbian = str(get_language_info("sr")["name_translated"])
        serbian_latin = str(get_language_info("sr-latn")["name_translated"])
        bulgarian = str(get_language_info("bg")["name_translated"])
    assert serbian_latin.startswith(serbian), (serbian, serbian_latin)
    assert len(bulgarian.split()) == 1, bulgarian


@pytest.mark.django_db
def test_profile_lists_the_languages_in_lower_case(client):
    from roundtable.accounts.tests.factories import make_code_of_conduct, make_member

    make_code_of_conduct(version=1)
    member = make_member(email="ana@example.org", username="ana", languages=["bg", "en", "hr"])
    client.force_login(member)
    html = client.get(f"/hr/members/{member.profile.pk}/").content.decode()
    tree = lxml.html.fromstring(html)
    label = gettext_in("hr", "Languages spoken")
    (value,) = tree.xpath(f"//dt[normalize-space()='{label}']/following-sibling::dd[1]")
    assert set(" ".join(value.text_content().split()).split(", ")) == {
        "bugarski",
        "engleski",
        "hrvatski",
    }


@pytest.mark.django_db
@pytest.mark.parametrize("language", TRANSLATED)
def test_document_and_forum_languages_use_the_same_lower_case_names(language):
    from roundtable.library.models import DocumentLanguage

    with translation.override(language):
        documents = [str(DocumentLanguage(code=code)) for code in INTERFACE]
        # The forum's "language you write in" offers settings.LANGUAGES.
        forum = [str(label) for _code, label in settings.LANGUAGES]
        profiles = [language_name(code) for code in INTERFACE]
    assert documents == forum == profiles
    assert all(name[0].islower() for name in documents), documents


@pytest.mark.django_db
def test_language_switcher_names_each_language_in_itself_capitalised(client):
    html = client.get("/hr/members/").content.decode()
    tree = lxml.html.fromstring(html)
    for code in INTERFACE:
        links = tree.xpath(f"//a[@hreflang='{code}'][@lang='{code}']")
        assert links, code
        expected = capfirst(get_language_info(code)["name_local"])
        assert {link.text_content().strip() for link in links} == {expected}


def gettext_in(language: str, message: str) -> str:
    with translation.override(language):
        return gettext(message)


# The profile's fields as the admin, the password rules ("too similar to the email address")
# and the profile form and page name them: the same words in every language.
PROFILE_LABELS = [
    ("languages", "Languages spoken"),
    ("expertise", "Areas of expertise"),
    ("avatar", "Photo"),
]


@pytest.mark.parametrize("language", INTERFACE)
def test_profile_labels_say_the_same_thing_on_the_form_the_page_and_the_admin(language):
    with translation.override(language):
        for field, label in PROFILE_LABELS:
            verbose_name = str(Profile._meta.get_field(field).verbose_name)
            assert capfirst(verbose_name) == gettext(label), (language, field)
        assert capfirst(gettext("email address")) == gettext("Email address"), language
