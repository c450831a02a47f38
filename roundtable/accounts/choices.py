"""Fixed vocabularies of the member profile, translated with the interface."""

from django.db import models
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _


class Profession(models.TextChoices):
    SOCIAL_WORKER = "social_worker", _("Social worker")
    PSYCHOLOGIST = "psychologist", _("Psychologist")
    POLICE = "police", _("Police")
    TEACHER = "teacher", _("Teacher or educator")
    HEALTH = "health", _("Health professional")
    LAW = "law", _("Lawyer or judiciary")
    NGO_CASE_MANAGER = "ngo_case_manager", _("NGO case manager")
    RESEARCHER = "researcher", _("Researcher")
    OTHER = "other", _("Other")


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Everyone, including visitors who are not signed in")
    MEMBERS = "members", _("Signed-in members only")
    HIDDEN = "hidden", _("Only me (not listed in the member directory)")


# Areas of expertise: slug -> label. Slugs are stored; labels follow the interface language.
EXPERTISE_AREAS = {
    "case-management": _("Child protection case management"),
    "violence-against-children": _("Violence against children"),
    "domestic-violence": _("Domestic violence"),
    "sexual-abuse": _("Sexual abuse and exploitation"),
    "trafficking": _("Child trafficking"),
    "street-situations": _("Children in street situations"),
    "foster-care": _("Foster and kinship care"),
    "adoption": _("Adoption"),
    "residential-care": _("Residential care and deinstitutionalisation"),
    "juvenile-justice": _("Children in contact with the law"),
    "disability": _("Children with disabilities"),
    "mental-health": _("Child and family mental health"),
    "education-inclusion": _("Inclusive education"),
    "early-childhood": _("Early childhood development"),
    "migration": _("Migrant and refugee children"),
    "roma-inclusion": _("Roma children and families"),
    "online-safety": _("Online safety"),
    "parenting-support": _("Family support and parenting"),
    "multidisciplinary-work": _("Multi-disciplinary team work"),
    "policy-advocacy": _("Policy and advocacy"),
}

# Languages a member may speak: the region's languages and the ones used with donors.
SPOKEN_LANGUAGES = [
    "sq", "bs", "bg", "hr", "cnr", "mk", "ro", "sr", "hu", "rom", "tr", "el", "sl", "uk",
    "ru", "en", "fr", "de", "it", "es",
]  # fmt: skip


def language_name(code: str) -> str:
    """A language's name in the interface language ("Albanian", "albanski", ...)."""
    try:
        return str(get_language_info(code)["name_translated"])
    except KeyError:
        return code
