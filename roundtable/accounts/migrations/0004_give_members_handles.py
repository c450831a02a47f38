"""Existing members get a handle that does not reveal their e-mail address.

Until now the public @name was the username, which allauth derives from the address. The
handle comes from the member's name ("Jovana.Marić"), else a word and a number; never the
address's local part.
"""

import re
import secrets
import unicodedata

from django.db import migrations

_WORDS = ["birch", "cedar", "heron", "linden", "maple", "meadow", "river", "willow"]
# A frozen copy of roundtable.core.text.fold: a migration must not change with the code.
_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "ђ": "dj", "ѓ": "g", "е": "e",
    "ж": "z", "з": "z", "ѕ": "dz", "и": "i", "й": "j", "ј": "j", "к": "k", "ќ": "k",
    "л": "l", "љ": "lj", "м": "m", "н": "n", "њ": "nj", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "ћ": "c", "у": "u", "ф": "f", "х": "h", "ц": "c", "ч": "c",
    "џ": "dz", "ш": "s", "щ": "st", "ъ": "a", "ь": "", "ю": "ju", "я": "ja", "ы": "y",
    "э": "e", "ё": "e", "є": "e", "і": "i", "ї": "i",
}  # fmt: skip
_LATIN_EXTRA = {"đ": "dj", "ł": "l", "ß": "ss", "æ": "ae", "ø": "o", "œ": "oe", "ı": "i"}
_TABLE = str.maketrans({**_CYRILLIC, **_LATIN_EXTRA})


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_TABLE))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"\s+", " ", stripped).strip()


def _squeezed(text: str) -> str:
    return re.sub(r"[\W_]+", "", _fold(text))


def give_handles(apps, schema_editor):
    Profile = apps.get_model("accounts", "Profile")
    taken = set(
        Profile.objects.exclude(handle_folded=None).values_list("handle_folded", flat=True)
    )
    for profile in Profile.objects.filter(handle="").select_related("user").iterator():
        local = _squeezed((profile.user.email or profile.user.username).partition("@")[0])
        words = ["".join(ch for ch in word if ch.isalnum()) for word in profile.full_name.split()]
        base = ".".join(word for word in words if word)[:27]
        candidates = [base, *(f"{base}{n}" for n in range(2, 30))] if len(base) >= 3 else []
        candidates += [f"{secrets.choice(_WORDS)}{secrets.randbelow(9000) + 1000}" for _ in range(30)]
        for candidate in candidates:
            folded = _fold(candidate)
            if folded in taken or (len(local) >= 3 and local in _squeezed(candidate)):
                continue
            break
        else:
            candidate = folded = f"member{profile.pk}"
        taken.add(folded)
        profile.handle, profile.handle_folded = candidate, folded
        profile.save(update_fields=["handle", "handle_folded"])


class Migration(migrations.Migration):
    dependencies = [("accounts", "0003_add_member_handles")]

    operations = [migrations.RunPython(give_handles, migrations.RunPython.noop)]
