"""Demo content: locales, home pages, funders, topics, the series and the standard pages.

Texts live in `demo_data/*.json`, written for Roundtable (fictional people and bodies).
Translations go through wagtail-localize, like a translator's work (see
`roundtable.translations.demo_support`).
"""

import json
import re
from functools import cache
from pathlib import Path

from django.conf import settings
from django.utils import translation
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import slugify
from django.utils.translation import gettext_noop
from wagtail.models import Locale, Page, Site

from roundtable.content.models import (
    Funder,
    HomePage,
    SeriesIndexPage,
    SeriesPage,
    StandardPage,
    Topic,
)
from roundtable.core.text import fold
from roundtable.translations.demo_support import translate_with_localize

DATA = Path(__file__).parent / "demo_data"

ORDER = 10

HOME_TEXTS = {
    "en": ("Roundtable: child-protection professionals working together",
           "News, a shared library, discussions, webinars and courses for everyone who protects children in South-East Europe."),
    "sq": ("Roundtable: profesionistët e mbrojtjes së fëmijëve punojnë së bashku",
           "Lajme, një bibliotekë e përbashkët, diskutime, webinare dhe kurse për të gjithë ata që mbrojnë fëmijët në Evropën Juglindore."),
    "hr": ("Roundtable: stručnjaci za zaštitu djece rade zajedno",
           "Vijesti, zajednička knjižnica, rasprave, webinari i tečajevi za sve koji štite djecu u jugoistočnoj Europi."),
    "sr-latn": ("Roundtable: stručnjaci za zaštitu dece rade zajedno",
                "Vesti, zajednička biblioteka, diskusije, vebinari i kursevi za sve koji štite decu u jugoistočnoj Evropi."),
    "cnr": ("Roundtable: stručnjaci za zaštitu đece rade zajedno",
            "Vijesti, zajednička biblioteka, diskusije, vebinari i kursevi za sve koji štite đecu u jugoistočnoj Evropi."),
    "bs": ("Roundtable: stručnjaci za zaštitu djece rade zajedno",
           "Vijesti, zajednička biblioteka, diskusije, webinari i kursevi za sve koji štite djecu u jugoistočnoj Evropi."),
    "mk": ("Roundtable: стручњаците за заштита на децата работат заедно",
           "Вести, заедничка библиотека, дискусии, вебинари и курсеви за сите што ги штитат децата во Југоисточна Европа."),
    "ro": ("Roundtable: profesioniștii din protecția copilului lucrează împreună",
           "Știri, o bibliotecă comună, discuții, webinarii și cursuri pentru toți cei care protejează copiii în Europa de Sud-Est."),
    "bg": ("Roundtable: специалистите по закрила на детето работят заедно",
           "Новини, обща библиотека, дискусии, уебинари и курсове за всички, които закрилят децата в Югоизточна Европа."),
    "hu": ("Roundtable: a gyermekvédelmi szakemberek együtt dolgoznak",
           "Hírek, közös könyvtár, beszélgetések, webináriumok és kurzusok mindenkinek, aki gyermekeket véd Délkelet-Európában."),
}  # fmt: skip

# Fictional organisations, invented for the demo.
FUNDERS = [
    ("Adriatic Children's Fund", "https://example.org/adriatic-childrens-fund"),
    ("Danube Social Innovation Foundation", "https://example.org/danube-foundation"),
]


def create_locales() -> None:
    for code, _name in settings.LANGUAGES:
        Locale.objects.get_or_create(language_code=code)


def create_home_pages() -> None:
    """An English home page at the site root and its translation in every other language."""
    english = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    root = Page.get_first_root_node()
    if root is None:
        # Wagtail's migrations create the tree's root; a flushed database (the browser
        # tests' TransactionTestCase) has none.
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=english))
    home = HomePage.objects.filter(locale=english, depth=2).first()
    if home is None:
        title, intro = HOME_TEXTS[settings.LANGUAGE_CODE]
        home = root.add_child(
            instance=HomePage(title=title, intro=intro, slug="start", locale=english)
        )
        home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name="Roundtable",
        )
    elif site.root_page_id != home.pk:
        old_root = site.root_page
        site.root_page = home
        site.site_name = "Roundtable"
        site.save()
        # Wagtail's "Welcome to your new Wagtail site!" placeholder.
        if old_root.specific_class is Page and not old_root.get_children().exists():
            old_root.delete()
    for code, (title, intro) in HOME_TEXTS.items():
        if code == settings.LANGUAGE_CODE:
            continue
        locale = Locale.objects.get(language_code=code)
        if home.has_translation(locale):
            continue
        translation = home.copy_for_translation(locale)
        translation.title = title
        translation.intro = intro
        translation.save_revision().publish()


def create_funders() -> None:
    english = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    for position, (name, url) in enumerate(FUNDERS):
        Funder.objects.get_or_create(
            name=name, locale=english, defaults={"url": url, "position": position}
        )


@cache
def load(name: str):
    return json.loads((DATA / name).read_text(encoding="utf-8"))


def locale_for(code: str) -> Locale:
    return Locale.objects.get(language_code=code)


def english_home() -> HomePage:
    return HomePage.objects.get(locale__language_code=settings.LANGUAGE_CODE, depth=2)


def translation_slug(title: str) -> str:
    """An ASCII slug for a translated title (Cyrillic transliterated)."""
    return slugify(fold(title))[:80] or "page"


def localize(obj, code: str, values: dict) -> None:
    """Translate `obj` into `code` with the given field/segment values (missing ones fall back)."""
    locale = locale_for(code)
    if obj.has_translation(locale):
        return

    def translate(path: str) -> str | None:
        if path == "slug" and "slug" not in values and "title" in values:
            return translation_slug(values["title"])
        return values.get(path)

    translate_with_localize(obj, locale=locale, translate=translate)


def ui_text(message: str, code: str) -> str:
    """An interface string in another language, for the titles of section pages."""
    with translation.override(code):
        return translation.gettext(message)


def section_page(model, *, slug: str, title_msgid: str, intro_msgid: str = ""):
    """A section index (news, series) under every home page, titled in each language."""
    english = english_home()
    page = model.objects.filter(locale=english.locale, slug=slug).first()
    if page is None:
        page = english.add_child(
            instance=model(title=title_msgid, slug=slug, intro=intro_msgid, locale=english.locale)
        )
        page.save_revision().publish()
    for code, _name in settings.LANGUAGES:
        if code == settings.LANGUAGE_CODE:
            continue
        localize(
            page,
            code,
            {
                "title": ui_text(title_msgid, code),
                "slug": slug,
                **({"intro": ui_text(intro_msgid, code)} if intro_msgid else {}),
            },
        )
    return page


def create_topics() -> None:
    english = locale_for(settings.LANGUAGE_CODE)
    for entry in load("topics.json"):
        topic, _created = Topic.objects.get_or_create(
            locale=english, slug=entry["slug"], defaults={"name": entry["labels"]["en"]}
        )
        for code, label in entry["labels"].items():
            if code != settings.LANGUAGE_CODE:
                localize(topic, code, {"name": label})


def create_series() -> None:
    data = load("series.json")
    index = section_page(
        SeriesIndexPage,
        slug="series",
        title_msgid=gettext_noop("Series"),
        intro_msgid=gettext_noop(
            "Themed collections of articles, discussions, webinars and documents."
        ),
    )
    series = SeriesPage.objects.filter(locale=index.locale, slug=data["slug"]).first()
    if series is None:
        series = index.add_child(
            instance=SeriesPage(
                title=data["title"]["en"],
                slug=data["slug"],
                intro=data["intro"]["en"],
                locale=index.locale,
            )
        )
        series.funders.set(Funder.objects.filter(locale=index.locale, name__in=data["funders"]))
        series.topics.set(
            Topic.objects.filter(locale=index.locale, slug="multi-disciplinary-team-work")
        )
        series.save_revision().publish()
    for code, title in data["title"].items():
        if code != settings.LANGUAGE_CODE:
            localize(series, code, {"title": title, "intro": data["intro"][code]})


_EMAIL_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def with_mail_links(text: str, *, source: bool) -> SafeString:
    """`text` as HTML, each e-mail address in it a `mailto:` link (the contact page's
    address). In a translation the links carry no `href` but the number wagtail-localize
    gave the source's links, whose addresses they take."""
    numbers = iter(range(1, 1000))

    def link(match: re.Match) -> str:
        if source:
            return f'<a href="mailto:{match[0]}">{match[0]}</a>'
        return f'<a id="a{next(numbers)}">{match[0]}</a>'

    return mark_safe(_EMAIL_ADDRESS.sub(link, escape(text)))  # noqa: S308 (escaped above)


def create_standard_pages() -> None:
    english = english_home()
    for entry in load("pages.json"):
        page = StandardPage.objects.filter(locale=english.locale, slug=entry["slug"]).first()
        if page is None:
            body = [
                ("paragraph", f"<p>{with_mail_links(text, source=True)}</p>")
                for text in entry["body"]["en"]
            ]
            page = english.add_child(
                instance=StandardPage(
                    title=entry["title"]["en"], slug=entry["slug"], body=body, locale=english.locale
                )
            )
            page.save_revision().publish()
        block_ids = [block.id for block in page.body]
        for code, title in entry["title"].items():
            if code == settings.LANGUAGE_CODE:
                continue
            values = {"title": title, "slug": entry["slug"]}
            for block_id, text in zip(block_ids, entry["body"][code], strict=False):
                values[f"body.{block_id}"] = with_mail_links(text, source=False)
            localize(page, code, values)


def steps():
    return [
        ("locales", create_locales),
        ("home pages", create_home_pages),
        ("funders", create_funders),
        ("topics", create_topics),
        ("series", create_series),
        ("about and contact", create_standard_pages),
    ]
