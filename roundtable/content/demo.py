"""Demo content: one locale per interface language, a home page in each, and funders."""

from django.conf import settings
from wagtail.models import Locale, Page, Site

from roundtable.content.models import Funder, HomePage

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


def steps():
    return [
        ("locales", create_locales),
        ("home pages", create_home_pages),
        ("funders", create_funders),
    ]
