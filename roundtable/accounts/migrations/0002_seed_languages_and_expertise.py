"""Seed the vocabularies of the member profile: languages spoken and areas of expertise."""

from django.db import migrations

SPOKEN_LANGUAGES = [
    "sq",
    "bs",
    "bg",
    "hr",
    "cnr",
    "mk",
    "ro",
    "sr",
    "hu",
    "rom",
    "tr",
    "el",
    "sl",
    "uk",
    "ru",
    "en",
    "fr",
    "de",
    "it",
    "es",
]

EXPERTISE_AREAS = [
    "case-management",
    "violence-against-children",
    "domestic-violence",
    "sexual-abuse",
    "trafficking",
    "street-situations",
    "foster-care",
    "adoption",
    "residential-care",
    "juvenile-justice",
    "disability",
    "mental-health",
    "education-inclusion",
    "early-childhood",
    "migration",
    "roma-inclusion",
    "online-safety",
    "parenting-support",
    "multidisciplinary-work",
    "policy-advocacy",
]


def seed(apps, schema_editor):
    SpokenLanguage = apps.get_model("accounts", "SpokenLanguage")
    ExpertiseArea = apps.get_model("accounts", "ExpertiseArea")
    for position, code in enumerate(SPOKEN_LANGUAGES):
        SpokenLanguage.objects.update_or_create(
            code=code, defaults={"position": position}
        )
    for position, slug in enumerate(EXPERTISE_AREAS):
        ExpertiseArea.objects.update_or_create(
            slug=slug, defaults={"position": position}
        )


class Migration(migrations.Migration):
    dependencies = [("accounts", "0001_profile_and_code_of_conduct")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
