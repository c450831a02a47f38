"""Benchmark data for the member directory: many members across countries and professions."""

import random

from django.contrib.auth import get_user_model
from tqdm import tqdm

from roundtable.accounts.choices import Profession, Visibility
from roundtable.accounts.models import ExpertiseArea, Profile, SpokenLanguage
from roundtable.core.text import fold

CASES = [
    ("directory, no filter", "/en/members/"),
    ("directory, page 200", "/en/members/?page=200"),
    ("directory, country + profession", "/en/members/?country=AL&profession=police"),
    ("directory, language + expertise", "/sq/members/?language=sq&expertise=foster-care"),
    ("directory, name search", "/en/members/?q=niksic"),
]
FIRST = ["Arta", "Besa", "Marko", "Jelena", "Emina", "Petra", "Ioana", "Kiril", "Réka", "Stefan"]
LAST = ["Hoxha", "Kovač", "Popescu", "Petrova", "Szabó", "Begić", "Ilić", "Krasniqi", "Đurić"]
TOWNS = [
    "Nikšić",
    "Tirana",
    "Prizren",
    "Niš",
    "Tuzla",
    "Split",
    "Bitola",
    "Cahul",
    "Iași",
    "Pleven",
]
COUNTRIES = ["ME", "AL", "XK", "RS", "BA", "HR", "MK", "MD", "RO", "BG"]
BATCH = 1000


def populate(*, scale: int) -> None:
    rng = random.Random(7)  # noqa: S311 - reproducible fake data
    User = get_user_model()
    languages = list(SpokenLanguage.objects.values_list("code", flat=True))
    areas = list(ExpertiseArea.objects.values_list("slug", flat=True))
    professions = [p.value for p in Profession]
    for start in tqdm(range(0, scale, BATCH), desc="members", unit="batch"):
        count = min(BATCH, scale - start)
        users = User.objects.bulk_create(
            [
                User(username=f"bench{start + i}", email=f"bench{start + i}@example.org")
                for i in range(count)
            ]
        )
        profiles = []
        for user in users:
            name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
            town = rng.choice(TOWNS)
            profiles.append(
                Profile(
                    user=user,
                    full_name=name,
                    profession=rng.choice(professions),
                    organisation="Centre for Social Work",
                    country=rng.choice(COUNTRIES),
                    municipality=town,
                    visibility=rng.choice([Visibility.PUBLIC, Visibility.MEMBERS]),
                    search_folded=fold(f"{name} Centre for Social Work {town}"),
                )
            )
        profiles = Profile.objects.bulk_create(profiles)
        Profile.languages.through.objects.bulk_create(
            [
                Profile.languages.through(profile_id=p.pk, spokenlanguage_id=code)
                for p in profiles
                for code in rng.sample(languages, 2)
            ]
        )
        Profile.expertise.through.objects.bulk_create(
            [
                Profile.expertise.through(profile_id=p.pk, expertisearea_id=slug)
                for p in profiles
                for slug in rng.sample(areas, 2)
            ]
        )


def login(client) -> None:
    """Benchmark as a signed-in member, the heaviest case (members-only profiles included)."""
    from roundtable.accounts.tests.factories import make_code_of_conduct, make_member

    make_code_of_conduct(version=1)
    viewer = make_member(full_name="Bench Viewer", username="bench-viewer")
    client.force_login(viewer)
