"""Demo members (all fictional) and the code of conduct in every language."""

import json
from pathlib import Path

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from wagtail.models import Locale

from roundtable.accounts.choices import Visibility
from roundtable.accounts.models import CodeOfConduct, ExpertiseArea, SpokenLanguage
from roundtable.accounts.services import conduct_accept, profile_ensure, profile_update

ORDER = 20
DATA = Path(__file__).parent / "demo_data"
CONDUCT_VERSION = 1
# The one demo account a newcomer can log in with (README); every other member has no password.
DEMO_LOGIN_EMAIL = "demo@roundtable.example"
DEMO_LOGIN_PASSWORD = "roundtable-demo"  # noqa: S105 - fictional demo account

# name, email local part, profession, organisation, country, municipality, languages, expertise, visibility
MEMBERS = [
    ("Dafina Krasniqi", "dafina", "social_worker", "Centre for Social Work Podujevë", "XK", "Podujevë", ["sq", "en"], ["case-management", "multidisciplinary-work"], "public"),
    ("Arlind Gashi", "arlind", "police", "Kosovo Police, Juvenile Unit", "XK", "Gjilan", ["sq", "sr"], ["juvenile-justice", "violence-against-children"], "members"),
    ("Elira Mema", "elira", "psychologist", "Regional Child Protection Unit", "AL", "Elbasan", ["sq", "it", "en"], ["mental-health", "sexual-abuse"], "public"),
    ("Gentian Rama", "gentian", "ngo_case_manager", "Shelter and Street Outreach Network", "AL", "Tirana", ["sq", "en"], ["street-situations", "trafficking"], "public"),
    ("Mirela Duka", "mirela", "teacher", "Primary School No. 4", "AL", "Korçë", ["sq", "el"], ["education-inclusion", "roma-inclusion"], "members"),
    ("Jelena Vuković", "jelena", "social_worker", "Centre for Social Work Bar", "ME", "Bar", ["cnr", "sr", "en"], ["foster-care", "case-management"], "public"),
    ("Stefan Radulović", "stefan", "law", "Basic Court Podgorica", "ME", "Podgorica", ["cnr", "en"], ["juvenile-justice"], "members"),
    ("Ana Perović", "ana", "health", "Health Centre Kotor", "ME", "Kotor", ["cnr", "it"], ["early-childhood", "mental-health"], "public"),
    ("Marko Ilić", "marko", "social_worker", "Centre for Social Work Niš", "RS", "Niš", ["sr", "en"], ["violence-against-children", "domestic-violence"], "public"),
    ("Ivana Stojanović", "ivana", "researcher", "Institute for Social Policy", "RS", "Novi Sad", ["sr", "hu", "en"], ["policy-advocacy", "residential-care"], "public"),
    ("Emina Hodžić", "emina", "psychologist", "Centre for Mental Health Tuzla", "BA", "Tuzla", ["bs", "hr", "de"], ["mental-health", "domestic-violence"], "public"),
    ("Adnan Mehmedović", "adnan", "police", "Sarajevo Canton Police", "BA", "Sarajevo", ["bs", "en"], ["online-safety", "trafficking"], "members"),
    ("Lejla Begić", "lejla", "ngo_case_manager", "Family Support Association", "BA", "Mostar", ["bs", "hr", "en"], ["parenting-support", "disability"], "public"),
    ("Petra Kovačić", "petra", "social_worker", "Social Welfare Centre Split", "HR", "Split", ["hr", "en", "it"], ["foster-care", "adoption"], "public"),
    ("Tomislav Babić", "tomislav", "teacher", "Secondary School Osijek", "HR", "Osijek", ["hr", "hu"], ["education-inclusion", "online-safety"], "members"),
    ("Aleksandra Trajkovska", "aleksandra", "social_worker", "Inter-municipal Centre for Social Work Bitola", "MK", "Bitola", ["mk", "en"], ["case-management", "street-situations"], "public"),
    ("Bujar Shaqiri", "bujar", "ngo_case_manager", "Open Doors Skopje", "MK", "Tetovo", ["mk", "sq", "en"], ["roma-inclusion", "migration"], "public"),
    ("Natalia Ciobanu", "natalia", "social_worker", "Social Assistance Directorate Cahul", "MD", "Cahul", ["ro", "ru"], ["migration", "parenting-support"], "public"),
    ("Andrei Popescu", "andrei", "psychologist", "Child Advocacy Centre Iași", "RO", "Iași", ["ro", "en", "fr"], ["sexual-abuse", "mental-health"], "public"),
    ("Ioana Dumitrescu", "ioana", "law", "Child Rights Legal Clinic", "RO", "Cluj-Napoca", ["ro", "hu", "en"], ["juvenile-justice", "policy-advocacy"], "members"),
    ("Desislava Petrova", "desislava", "health", "Regional Hospital Pleven", "BG", "Pleven", ["bg", "en"], ["early-childhood", "disability"], "public"),
    ("Kiril Georgiev", "kiril", "police", "Child Pedagogical Room Varna", "BG", "Varna", ["bg", "ru"], ["violence-against-children", "online-safety"], "members"),
    ("Réka Szabó", "reka", "researcher", "Centre for Child Welfare Studies", "HU", "Szeged", ["hu", "ro", "en"], ["residential-care", "policy-advocacy"], "public"),
    ("Zoltán Kiss", "zoltan", "other", "County Child Protection Service", "HU", "Pécs", ["hu", "de"], ["foster-care"], "hidden"),
]  # fmt: skip


def create_code_of_conduct() -> None:
    english = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    source_text = json.loads((DATA / "conduct_en.json").read_text(encoding="utf-8"))
    source = CodeOfConduct.objects.filter(locale=english, version=CONDUCT_VERSION).first()
    if source is None:
        source = CodeOfConduct.objects.create(
            locale=english, version=CONDUCT_VERSION, **source_text
        )
    translations = json.loads((DATA / "conduct_translations.json").read_text(encoding="utf-8"))
    for code, text in translations.items():
        locale = Locale.objects.get(language_code=code)
        if source.has_translation(locale):
            continue
        translation = source.copy_for_translation(locale)
        for field, value in text.items():
            setattr(translation, field, value)
        translation.save()


def create_members() -> None:
    User = get_user_model()
    languages = {lang.code: lang for lang in SpokenLanguage.objects.all()}
    areas = {area.slug: area for area in ExpertiseArea.objects.all()}
    for name, local, profession, org, country, town, langs, expertise, visibility in MEMBERS:
        email = f"{local}@members.roundtable.example"
        user, created = User.objects.get_or_create(username=local, defaults={"email": email})
        if not created:
            continue
        user.set_unusable_password()
        user.save()
        _verify(user, email)
        profile_update(
            profile=profile_ensure(user=user),
            full_name=name,
            profession=profession,
            organisation=org,
            country=country,
            municipality=town,
            bio="",
            visibility=visibility,
            languages=[languages[c] for c in langs],
            expertise=[areas[s] for s in expertise],
        )
        conduct_accept(user=user, version=CONDUCT_VERSION, language=langs[0])


def create_demo_login() -> None:
    User = get_user_model()
    user, created = User.objects.get_or_create(
        username="demo", defaults={"email": DEMO_LOGIN_EMAIL}
    )
    if not created:
        return
    user.set_password(DEMO_LOGIN_PASSWORD)
    user.save()
    _verify(user, DEMO_LOGIN_EMAIL)
    profile_update(
        profile=profile_ensure(user=user),
        full_name="Demo Member",
        profession="social_worker",
        organisation="Roundtable demo",
        country="ME",
        municipality="Nikšić",
        visibility=Visibility.MEMBERS,
        languages=list(SpokenLanguage.objects.filter(code__in=["cnr", "en"])),
    )
    conduct_accept(user=user, version=CONDUCT_VERSION, language="en")


def _verify(user, email: str) -> None:
    EmailAddress.objects.update_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )


def steps():
    return [
        ("code of conduct", create_code_of_conduct),
        ("members", create_members),
        ("demo login", create_demo_login),
    ]
