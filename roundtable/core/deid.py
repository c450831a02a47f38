"""The de-identification check for case discussions.

Before a post reaches a case-discussion category, its text is scanned for details that
could identify a child or a family: person names (against name lists of the region),
dates of birth, phone numbers, e-mail addresses, personal ID numbers (13-digit JMBG,
EMBG, CNP and IDNP, 10-digit EGN, Albanian ID cards), street addresses and school names.
The author must remove each flagged detail or confirm it is not identifying. The check
errs towards flagging: a false alarm costs a click, a missed name costs a child's privacy.
Matching is on folded text (accents, case, Cyrillic), so "Марко", "Marko" and "MARKO"
are the same name.
"""

import datetime
import hashlib
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from roundtable.core.text import fold

KINDS = {
    "name": _("Person's name"),
    "birth_date": _("Date of birth"),
    "phone": _("Phone number"),
    "email": _("E-mail address"),
    "personal_id": _("Personal ID number"),
    "address": _("Street address"),
    "school": _("School or kindergarten"),
}


@dataclass(frozen=True)
class Flag:
    kind: str
    text: str
    start: int
    end: int

    @property
    def key(self) -> str:
        """Stable across edits of the rest of the text: the kind and the folded detail."""
        digest = hashlib.sha256(fold(self.text).encode()).hexdigest()[:16]
        return f"{self.kind}:{digest}"

    @property
    def label(self) -> str:
        return str(KINDS[self.kind])


_NAMES_DIR = Path(__file__).parent / "deid_names"


@cache
def _names(filename: str) -> frozenset[str]:
    path = _NAMES_DIR / filename
    if not path.exists():
        return frozenset()
    return frozenset(
        fold(line.strip()) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    )


def first_names() -> frozenset[str]:
    return _names("first_names.txt")


def surnames() -> frozenset[str]:
    return _names("surnames.txt")


_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# 13 digits: JMBG (former Yugoslavia), EMBG (North Macedonia), CNP (Romania), IDNP (Moldova).
_ID_13 = re.compile(r"(?<![\d])\d{13}(?![\d])")
# 10 digits not starting with 0: EGN (Bulgaria), Kosovo personal numbers.
_ID_10 = re.compile(r"(?<![\d+])[1-9]\d{9}(?![\d])")
# Albanian identity card numbers: a letter, eight digits, a letter.
_ID_ALBANIA = re.compile(r"\b[A-Z]\d{8}[A-Z]\b")
# Phone numbers: international (+ or 00) or national (leading 0), 8 to 15 digits in all.
_PHONE = re.compile(r"(?<![\w+])(?:\+|00|0)\d[\d \-/().]{5,18}\d(?![\w])")
_FULL_DATE = re.compile(
    r"(?<![\d.])(?:(\d{1,2})[./-](\d{1,2})[./-]((?:19|20)\d{2})|((?:19|20)\d{2})-(\d{2})-(\d{2}))(?![\d])"
)
_BIRTH_WORDS = (
    r"born|date of birth|d\.?o\.?b\.?|birthday|rođen[a]?|rodjen[a]?|rođ\.|datum rođenja|"
    r"lindur|e lindur|i lindur|datëlindj\w*|datelindj\w*|роден[а]?|родена|роденден|"
    r"născut[ăa]?|nascut[ăa]?|data nașterii|data nasterii|született|szül\."
)
_BIRTH_CONTEXT = re.compile(
    rf"(?:{_BIRTH_WORDS})[^\n\d]{{0,25}}(\d{{1,2}}[./-]\d{{1,2}}[./-](?:19|20)\d{{2}}|(?:19|20)\d{{2}})",
    re.IGNORECASE,
)
_STREET_WORDS = (
    r"ul\.|ulica|ulici|ulicu|ulitsa|rr\.|rruga|rrugës|rrugën|str\.|strada|stradă|"
    r"bulevar\w*|bul\.|bd\.|blvd\.?|street|road|avenue|lane|utca|trg|sheshi|lagj\w*|"
    r"naselje|улица|ул\.|булевар\w*|бул\."
)
_ADDRESS = re.compile(
    rf"\b(?:{_STREET_WORDS})\s+[^\n,;:]{{1,40}}?\s*(?:nr\.?|br\.?|no\.?|№|бр\.?)?\s*\d{{1,4}}[a-zA-Z]?\b",
    re.IGNORECASE,
)
_ADDRESS_ENGLISH = re.compile(r"\b\d{1,4}\s+(?:[A-Z][\w'-]+\s+){1,3}(?:Street|Road|Avenue|Lane)\b")
_SCHOOL_WORDS = (
    r"osnovn\w+ škol\w+|osnovn\w+ skol\w+|srednj\w+ škol\w+|srednj\w+ skol\w+|škol\w+|skol\w+|"
    r"O\.?Š\.?|OŠ|gimnazij\w+|shkoll\w+|kopsht\w+|vrtić\w*|vrtic\w*|"
    r"школ\w+|училишт\w+|училищ\w+|градинк\w+|гимназиј\w+|гимназия|"
    r"școal\w+|şcoal\w+|scoal\w+|liceul|grădiniț\w+|gradinit\w+|iskol\w+|óvod\w+|gimnázium\w*|"
    r"school|kindergarten|nursery"
)
_SCHOOL = re.compile(
    rf"\b(?i:{_SCHOOL_WORDS})\s+(?:[\d\-]+\S*\s+|br\.\s*\d+\s+|no\.\s*\d+\s+)?[\"„“«']?[A-ZČĆŠĐŽËÇÂÎȘȚĂÁÉÍÓÖŐÚÜŰА-Я][^\n,.;:]{{1,50}}",
)
_SCHOOL_ENGLISH = re.compile(
    r"\b(?:[A-Z][\w'-]+\s+){1,3}(?:Primary\s+|Secondary\s+|High\s+)?(?:School|Kindergarten)\b"
)
_WORD = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)?")
_SENTENCE_END = re.compile(r"[.!?:]\s*$|^\s*$|\n\s*$")


def _digits(text: str) -> int:
    return sum(character.isdigit() for character in text)


def _names_in(text: str) -> list[Flag]:
    """Capitalised words found in the name lists; a following capitalised word joins the
    flag as a likely surname. Surnames alone are flagged except at a sentence's start."""
    given, family = first_names(), surnames()
    words = list(_WORD.finditer(text))
    flags = []
    index = 0
    while index < len(words):
        word = words[index]
        token = word.group(0)
        if not token[0].isupper() or len(token) < 2:
            index += 1
            continue
        folded = fold(token)
        sentence_start = bool(_SENTENCE_END.search(text[: word.start()]))
        if folded in given or (folded in family and not sentence_start):
            end = word.end()
            following = words[index + 1] if index + 1 < len(words) else None
            if (
                following
                and following.group(0)[0].isupper()
                and text[end : following.start()].strip() == ""
            ):
                end = following.end()
                index += 1
            flags.append(Flag("name", text[word.start() : end], word.start(), end))
        index += 1
    return flags


def scan(text: str, *, today: datetime.date | None = None) -> list[Flag]:
    """Every likely identifying detail in `text`, in reading order, without overlaps."""
    today = today or timezone.localdate()
    found: list[Flag] = []

    def add(kind: str, match: re.Match, group: int = 0) -> None:
        found.append(Flag(kind, match.group(group), match.start(group), match.end(group)))

    for match in _EMAIL.finditer(text):
        add("email", match)
    for pattern in (_ID_13, _ID_ALBANIA):
        for match in pattern.finditer(text):
            add("personal_id", match)
    for match in _ID_10.finditer(text):
        add("personal_id", match)
    for match in _BIRTH_CONTEXT.finditer(text):
        add("birth_date", match, 1)
    for match in _FULL_DATE.finditer(text):
        year = int(match.group(3) or match.group(4))
        # A full date from the last 25 years may be a child's birth date; this year's dates
        # are more likely meetings or hearings.
        if today.year - 25 <= year < today.year:
            add("birth_date", match)
    for match in _PHONE.finditer(text):
        if 8 <= _digits(match.group(0)) <= 15 and not _FULL_DATE.fullmatch(match.group(0)):
            add("phone", match)
    for pattern in (_ADDRESS, _ADDRESS_ENGLISH):
        for match in pattern.finditer(text):
            add("address", match)
    for pattern in (_SCHOOL, _SCHOOL_ENGLISH):
        for match in pattern.finditer(text):
            found.append(Flag("school", match.group(0).strip(), match.start(), match.end()))
    found.extend(_names_in(text))
    # Keep the first (most specific) flag where two overlap: an e-mail, not a name in it.
    found.sort(key=lambda flag: (flag.start, -(flag.end - flag.start)))
    kept: list[Flag] = []
    for flag in found:
        if kept and flag.start < kept[-1].end:
            continue
        kept.append(flag)
    return kept


def pieces(text: str, flags: list[Flag]) -> list[tuple[str, Flag | None]]:
    """`text` cut into plain and flagged pieces, to show each flag where it stands. Flags
    found in another text (the title) are left out."""
    result, position = [], 0
    for flag in sorted(flags, key=lambda f: f.start):
        if flag.start < position or text[flag.start : flag.end] != flag.text:
            continue
        result.append((text[position : flag.start], None))
        result.append((flag.text, flag))
        position = flag.end
    result.append((text[position:], None))
    return result


def unconfirmed(flags: list[Flag], confirmed: set[str]) -> list[Flag]:
    return [flag for flag in flags if flag.key not in confirmed]
