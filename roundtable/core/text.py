"""Text folding for accent-, case- and script-blind matching.

Readers type "zastita djece" for "zaštita djece", "femijeve" for "fëmijëve", and Serbian,
Macedonian or Bulgarian in either Cyrillic or Latin. Neither SQLite's `icontains` (ASCII only)
nor PostgreSQL (no stemmer for these languages) matches them, so we store a folded copy of
the searchable text in an indexed field and fold queries the same way.
"""

import re
import unicodedata

# Cyrillic to the Latin spelling used in the region (Serbian/Macedonian/Bulgarian
# conventions), so that "заштита" and "zaštita" fold to the same "zastita".
_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "ђ": "dj", "ѓ": "g", "е": "e",
    "ж": "z", "з": "z", "ѕ": "dz", "и": "i", "й": "j", "ј": "j", "к": "k", "ќ": "k",
    "л": "l", "љ": "lj", "м": "m", "н": "n", "њ": "nj", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "ћ": "c", "у": "u", "ф": "f", "х": "h", "ц": "c", "ч": "c",
    "џ": "dz", "ш": "s", "щ": "st", "ъ": "a", "ь": "", "ю": "ju", "я": "ja", "ы": "y",
    "э": "e", "ё": "e", "є": "e", "і": "i", "ї": "i",
}  # fmt: skip
# Latin letters that Unicode does not decompose into a base letter and an accent.
_LATIN_EXTRA = {"đ": "dj", "ł": "l", "ß": "ss", "æ": "ae", "ø": "o", "œ": "oe", "ı": "i"}
_TABLE = str.maketrans({**_CYRILLIC, **_LATIN_EXTRA})
_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """Lower-case, transliterate Cyrillic, strip accents and collapse whitespace."""
    lowered = text.casefold().translate(_TABLE)
    decomposed = unicodedata.normalize("NFKD", lowered)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped).strip()
