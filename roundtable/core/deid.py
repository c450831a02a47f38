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
from functools import cache, lru_cache
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
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(fold(line) for line in lines if line.strip() and not line.startswith("#"))


def first_names() -> frozenset[str]:
    return _names("first_names.txt")


def surnames() -> frozenset[str]:
    return _names("surnames.txt")


class _FoldTable(dict):
    """For str.translate: each character to its folded form, computed once."""

    def __missing__(self, code: int) -> str:
        character = chr(code)
        folded = " " if character.isspace() else fold(character)
        self[code] = folded
        return folded


_FOLD_TABLE = _FoldTable()


def _folded(text: str) -> tuple[str, list[int] | range]:
    """`text` folded (lower case, Latin, no accents) with, for each folded character, the
    index of the character it came from, so that a match in the folded text can be flagged
    in the original. One pattern then serves both scripts and every spelling."""
    folded = text.translate(_FOLD_TABLE)
    if len(folded) == len(text) and all(len(_FOLD_TABLE[ord(c)]) == 1 for c in set(text)):
        return folded, range(len(text) + 1)
    origin = [index for index, character in enumerate(text) for _ in _FOLD_TABLE[ord(character)]]
    origin.append(len(text))
    return folded, origin


# Patterns below marked "folded" run on folded text: Cyrillic is already Latin there
# ("рођена" is "rodjena", "март" is "mart") and accents are gone ("ožujka" is "ozujka").

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# 13 digits: JMBG (former Yugoslavia), EMBG (North Macedonia), CNP (Romania), IDNP (Moldova);
# 11 digits: OIB (Croatia), LBO (Serbia), the Hungarian personal number.
_ID_BARE = re.compile(r"(?<![\d])(?:\d{13}|\d{11})(?![\d])")
# 10 digits not starting with 0: EGN (Bulgaria), Kosovo personal numbers.
_ID_10 = re.compile(r"(?<![\d+])[1-9]\d{9}(?![\d])")
# Albanian identity card numbers: a letter, eight digits, a letter.
_ID_ALBANIA = re.compile(r"\b[A-Z]\d{8}[A-Z]\b")
# Folded: the name of an ID document or number, then (within a few words) something
# number-like with at least six digits: passports, ID cards, health insurance cards, EGN
# starting with 0, TAJ numbers written in groups.
_ID_WORDS = (
    r"jmbg|jmb|embg|emb|oib|mbo|lbo|egn|cnp|idnp|nid|taj[- ]?sz\w*|adoazonosito\w*|"
    r"personal (?:number|no|id)|numri personal|nr\.? personal|numr\w* personal\w*|"
    r"licn\w* kart\w*|licn\w* iskaznic\w*|osobn\w* iskaznic\w*|licnata karta|licen nomer|"
    r"maticn\w* broj\w*|zdravstven\w* (?:iskaznic|kartic|knjizic)\w*|leternjoftim\w*|"
    r"passport|pasos\w*|pasaport\w*|id card|identity card|national insurance|nhs (?:number|no)|"
    r"social security|buletin\w*|carte de identitate|seria|szemelyi\w*|igazolvany\w*"
)
_ID_CONTEXT = re.compile(
    rf"\b(?:{_ID_WORDS})\b[^\n\d]{{0,30}}?((?:\b[a-z]{{1,2}}(?= ?\d\d[ -]\d\d[ -]))? ?\d[\da-z]*(?:[ -]\d[\da-z]*)*(?: [a-z]\b)?)"
)
# Phone numbers: international (+ or 00) or national (leading 0), 8 to 15 digits in all.
_PHONE = re.compile(r"(?<![\w+])(?:\+|00|0)\d[\d \-/().]{5,18}\d(?![\w])")
_YEAR = r"(?:19|20)\d{2}"
# Numeric dates: day first (14.03.2016, 11. 5. 2017, 21/07/2012) or year first
# (2015-06-02, Hungarian 2016.02.17).
_FULL_DATE = re.compile(
    rf"(?<![\d.])(?:\d{{1,2}}[./-] ?\d{{1,2}}[./-] ?({_YEAR})|({_YEAR})[./-]\d{{1,2}}[./-]\d{{1,2}})(?![\d])"
)
# Folded month names of every shipped language, with their grammatical forms: Croatian
# (ožujak, ožujka, ožujku), Serbian, Bosnian and Montenegrin (mart, marta, martu; Cyrillic
# folds to these), Macedonian and Bulgarian (март, септември), Albanian, Romanian,
# Hungarian and English.
_MONTHS = (
    r"sijec\w*|veljac\w*|ozuj\w*|travan\w*|travnj\w*|sviban\w*|svibnj\w*|lipan\w*|lipnj\w*|"
    r"srpan\w*|srpnj\w*|kolovoz\w*|rujan\w*|rujn\w*|listopad\w*|studen\w*|prosin\w*|"
    r"januar\w*|februar\w*|fevruar\w*|mart\w*|april\w*|maj\w*|jun\w*|jul\w*|avgust\w*|"
    r"august\w*|septemb\w*|septemv\w*|oktob\w*|oktomv\w*|novemb\w*|noemv\w*|decemb\w*|"
    r"dekemv\w*|janar\w*|shkurt\w*|mars\w*|prill\w*|qershor\w*|korrik\w*|gusht\w*|"
    r"shtator\w*|tetor\w*|nentor\w*|dhjetor\w*|ianuarie|februarie|martie|aprilie|mai|iunie|"
    r"iulie|septembrie|octombrie|noiembrie|decembrie|marcius\w*|aprilis\w*|majus\w*|"
    r"junius\w*|julius\w*|augusztus\w*|szeptember\w*|oktober\w*|january|february|march|"
    r"may|june|july|september|october|november|december|jan|feb|mar|apr|aug|sept?|oct|nov|dec"
)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?\.?"
_MONTH_DATE = re.compile(
    rf"\b(?:{_DAY} ?(?:of )?(?:{_MONTHS})\.?,? ({_YEAR})|(?:{_MONTHS})\.? {_DAY},? ({_YEAR})|"
    rf"({_YEAR})\.? ?(?:{_MONTHS})\.? \d{{1,2}}\b\.?)(?!\d)"
)
# Folded words that announce a birth: born, rođen/рођен, lindur, роден, născut, született...
_BIRTH_WORDS = (
    r"born|date of birth|d\.?o\.?b\.?|birthday|roden\w*|rodjen\w*|rod\.|datum rodjenja|"
    r"u lind|lind\w*|datelindj\w*|datum na raganje|data na razdane|nascut\w*|nasterii|"
    r"szuletett\w*|szuletesi\w*|szul\."
)
_BIRTH_CONTEXT = re.compile(
    rf"\b(?:{_BIRTH_WORDS})[^\n\d]{{0,25}}?(\d{{1,2}}\.? ?(?:{_MONTHS})\.?,? {_YEAR}\.?|"
    rf"(?:{_MONTHS}) {_YEAR}|\d{{1,2}}[./-] ?\d{{1,2}}[./-] ?{_YEAR}|{_YEAR})(?!\d)"
)
# Hungarian puts the year first: "2014-ben született".
_BIRTH_AFTER = re.compile(rf"\b({_YEAR})\.?(?:-[a-z]{{2,3}})? (?:\w+ )?szulet\w*")
# Folded street words, before the street's name.
_STREET_WORDS = (
    r"ul\.|ulica|ulici|ulicu|ulicom|ulitsa|rr\.|rruga|rruges|rrugen|rrugës|str\.|strada|"
    r"bulevar\w*|bul\.|bd\.|blvd\.?|calea|aleea|soseaua|sos\.|splaiul|piata|cesta|cesti|cestu|"
    r"obala|obali|trg|sheshi|lagj\w*|naselje|z\.k\.|zk|kvartal|adres\w*|address|cim|"
    r"street|road|avenue|lane"
)
_ADDRESS = re.compile(
    rf"\b(?:{_STREET_WORDS}):?\s+[^\n;:@]{{1,40}}?\s*(?:nr\.?|br\.?|no\.?|№|pallati|bl\.)?\s*\d{{1,4}}[a-z]?\b"
)
_ADDRESS_ENGLISH = re.compile(r"\b\d{1,4}\s+(?:[A-Z][\w'-]+\s+){1,3}(?:Street|Road|Avenue|Lane)\b")
# Hungarian puts the street word after the name: "Rózsa utca 12.", "Fő út 23.".
_UPPER_HU = "A-ZÁÉÍÓÖŐÚÜŰ"
_ADDRESS_HUNGARIAN = re.compile(
    rf"\b[{_UPPER_HU}][\w-]*(?:\s+[{_UPPER_HU}][\w-]*){{0,2}}\s+"
    r"(?:utca|u\.|út|tér|köz|körút|fasor|sétány|sor)\s+\d{1,4}\b\.?"
)
_UPPER = "A-ZČĆŠĐŽËÇÂÎȘȚĂÁÉÍÓÖŐÚÜŰА-ЯЀ-Џ"
_SCHOOL_WORDS = (
    r"osnovn\w+ škol\w+|osnovn\w+ skol\w+|srednj\w+ škol\w+|srednj\w+ skol\w+|škol\w+|skol\w+|"
    r"gimnazij\w+|gjimnaz\w*|shkoll\w+|kopsht\w+|vrtić\w*|vrtic\w*|вртић\w*|"
    r"школ\w+|училишт\w+|училищ\w+|градинк\w+|детск\w+ градин\w+|гимназиј\w+|гимнази\w+|"
    r"școal\w+|şcoal\w+|scoal\w+|liceul|colegiul|grădiniț\w+|gradinit\w+|iskol\w+|óvod\w+|"
    r"gimnázium\w*|school|kindergarten|nursery"
)
# School abbreviations are case-sensitive: "су" is a Serbian verb, "СУ" a Bulgarian school.
_SCHOOL_ABBREVIATIONS = r"O\.?Š\.?|OŠ|ОШ|ООУ|ОУ|СОУ|СУ|ПГ|ПМГ|ДГ"
_SCHOOL_NAME = rf"[\"„“«']?[{_UPPER}][^\n,.;:]{{1,50}}"
_SCHOOL = re.compile(
    rf"\b(?:(?i:{_SCHOOL_WORDS})|{_SCHOOL_ABBREVIATIONS})\s+"
    rf"(?:(?:[\d\-]+\S*|br\.\s*\d+|no\.\s*\d+|(?i:e\s+mesme|e\s+ulët|fillore))\s+)?{_SCHOOL_NAME}",
)
# A school known by its number: "Grădinița nr. 12", "Школа бр. 4".
_SCHOOL_NUMBER = re.compile(
    rf"\b(?:(?i:{_SCHOOL_WORDS})|{_SCHOOL_ABBREVIATIONS})(?:\s+(?:[{_UPPER}]\w+|cu|de|din|za|i|e)){{0,4}}\s+"
    r"(?i:nr\.|br\.|бр\.|no\.|№)\s*\d{1,3}\b"
)
_SCHOOL_ENGLISH = re.compile(
    r"\b(?:[A-Z][\w'-]+\s+){1,3}(?:Primary\s+|Secondary\s+|High\s+)?(?:School|Kindergarten|Academy)\b"
)
# Hungarian puts the school word after the name: "Napsugár Általános Iskolába".
_SCHOOL_HUNGARIAN = re.compile(
    rf"\b(?:[{_UPPER_HU}][\w-]*\s+){{1,4}}(?:Iskol\w*|Óvod\w*|Gimnázium\w*|Bölcsőd\w*)"
)
_ROLE_REACH = 6  # words between a role word and the name after its comma
_ROLE_GAP = re.compile(r"[.!?\n]")
_SENTENCE_BREAK = re.compile(r"[.!?:]\s*$|\n")
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)?")


@cache
def role_words() -> frozenset[str]:
    path = _NAMES_DIR / "role_words.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(
        fold(word) for line in lines if not line.startswith("#") for word in line.split()
    )


# Capitalised words that follow a role word or match a name list but are places.
_PLACES = frozenset(["sofia", "sofija", "niksic", "roma", "alba", "bor"])
_SURNAME_SUFFIXES = (
    "ić", "ић", "ović", "ević", "ски", "ска", "ski", "ska", "ov", "ova", "ev", "eva", "ов",
    "ова", "ев", "ева", "escu", "eanu", "aj",
)  # fmt: skip


def _digits(text: str) -> int:
    return sum(character.isdigit() for character in text)


def _capitalised(token: str) -> bool:
    return len(token) >= 2 and token[0].isupper()


@lru_cache(maxsize=20_000)
def _fold_word(word: str) -> str:
    return fold(word)


def _names_in(text: str) -> list[Flag]:
    """Person names: capitalised words in the name lists, or after a role word ("the girl,",
    "majka", "djali", "мајката"), or shaped like a family name ("-ić", "-ски", "-ова") after
    another capitalised word. A following capitalised word joins the flag as a likely family
    name. Family names alone are flagged except at a sentence's start."""
    given, family, roles = first_names(), surnames(), role_words()
    words = list(_WORD.finditer(text))
    folded = [_fold_word(word.group(0)) for word in words]
    flags = []
    index = 0
    role_at = None  # the index of the last role word in this sentence
    while index < len(words):
        word, token = words[index], words[index].group(0)
        gap_before = text[words[index - 1].end() : word.start()] if index else ""
        sentence_start = index == 0 or bool(_SENTENCE_BREAK.search(gap_before))
        if _ROLE_GAP.search(gap_before):
            role_at = None
        # A role word names the person after it in the same sentence: right after it ("majka
        # Ana"), or after a comma a few words on ("Djali i saj i madh, Klevis Dema"); not
        # "... with the father. For two months".
        after_role = role_at is not None and (
            index - role_at == 1 or (index - role_at <= _ROLE_REACH and "," in gap_before)
        )
        if folded[index] in roles:
            role_at = index
        if after_role and folded[index] in {"se", "e", "i"} and index + 1 < len(words):
            # "zove se Borna", "se vika David": the role carries over the reflexive.
            role_at = index
            index += 1
            continue
        name = folded[index]
        if not _capitalised(token) or name in _PLACES or name in roles:
            index += 1
            continue
        following = words[index + 1] if index + 1 < len(words) else None
        joined = (
            following is not None
            and _capitalised(following.group(0))
            and text[word.end() : following.start()].strip() == ""
            and folded[index + 1] not in _PLACES
        )
        shaped = joined and following.group(0).endswith(_SURNAME_SUFFIXES)
        # "Ellie Hartwell's teacher": a capitalised pair with a possessive, mid-sentence.
        possessive = joined and not sentence_start and following.group(0).endswith(("'s", "’s"))
        strong_suffix = token.endswith(("ić", "ић", "escu", "eanu"))
        if (
            name in given
            or after_role
            or shaped
            or possessive
            or (not sentence_start and (name in family or strong_suffix))
        ):
            end = following.end() if joined else word.end()
            flags.append(Flag("name", text[word.start() : end], word.start(), end))
            index += 2 if joined else 1
            continue
        index += 1
    return flags


def _year_is_recent(year: str, today: datetime.date) -> bool:
    # A full date from the last 25 years may be a child's birth date; this year's dates
    # are more likely meetings or hearings.
    return today.year - 25 <= int(year) < today.year


# "@handle", as the forum writes a mention of a member (forum.markdown.MENTION).
_MENTION = re.compile(r"(?<![\w@/.])@([\w.+-]{2,150})")


def _mentions_of(text: str, members: frozenset[str] | set[str]) -> list[tuple[int, int]]:
    """Spans of the mentions in `text` of members whose folded handles are in `members`."""
    return [
        (match.start(), match.end())
        for match in _MENTION.finditer(text)
        if fold(match.group(1).rstrip(".")) in members
    ]


def scan(
    text: str,
    *,
    today: datetime.date | None = None,
    members: frozenset[str] | set[str] = frozenset(),
) -> list[Flag]:
    """Every likely identifying detail in `text`, in reading order, without overlaps.

    `members` holds the folded handles of the members the text mentions ("@Luan.Berisha"):
    a colleague named in a mention is not a child, so nothing inside such a mention is
    flagged. A mention that resolves to no member is read like any other text."""
    kept = _scan(text, today=today or timezone.localdate())
    spans = _mentions_of(text, members) if members else []
    return [f for f in kept if not any(f.start < end and start < f.end for start, end in spans)]


def _scan(text: str, *, today: datetime.date) -> list[Flag]:
    folded, origin = _folded(text)
    found: list[Flag] = []

    def add(kind: str, match: re.Match, group: int = 0) -> None:
        found.append(Flag(kind, match.group(group), match.start(group), match.end(group)))

    def add_folded(kind: str, match: re.Match, group: int = 0) -> None:
        start, end = origin[match.start(group)], origin[match.end(group) - 1] + 1
        found.append(Flag(kind, text[start:end].strip(), start, end))

    for match in _EMAIL.finditer(text):
        add("email", match)
    for pattern in (_ID_BARE, _ID_ALBANIA, _ID_10):
        for match in pattern.finditer(text):
            add("personal_id", match)
    for match in _ID_CONTEXT.finditer(folded):
        if 6 <= _digits(match.group(1)) <= 16:
            add_folded("personal_id", match, 1)
    for pattern in (_BIRTH_CONTEXT, _BIRTH_AFTER):
        for match in pattern.finditer(folded):
            add_folded("birth_date", match, 1)
    for match in _FULL_DATE.finditer(folded):
        if _year_is_recent(match.group(1) or match.group(2), today):
            add_folded("birth_date", match)
    for match in _MONTH_DATE.finditer(folded):
        if _year_is_recent(match.group(1) or match.group(2) or match.group(3), today):
            add_folded("birth_date", match)
    for match in _PHONE.finditer(text):
        if 8 <= _digits(match.group(0)) <= 15 and not _FULL_DATE.fullmatch(match.group(0)):
            add("phone", match)
    for match in _ADDRESS.finditer(folded):
        add_folded("address", match)
    for pattern in (_ADDRESS_ENGLISH, _ADDRESS_HUNGARIAN):
        for match in pattern.finditer(text):
            add("address", match)
    for pattern in (_SCHOOL, _SCHOOL_NUMBER, _SCHOOL_ENGLISH, _SCHOOL_HUNGARIAN):
        for match in pattern.finditer(text):
            found.append(Flag("school", match.group(0).strip(), match.start(), match.end()))
    found.extend(_names_in(text))
    # Keep the first (most specific) flag where two overlap: an e-mail, not a name in it.
    found.sort(key=lambda flag: (flag.start, -(flag.end - flag.start)))
    # An e-mail address wins over any other flag that overlaps it.
    in_email = bytearray(len(text) + 1)
    for flag in found:
        if flag.kind == "email":
            in_email[flag.start : flag.end] = b"\x01" * (flag.end - flag.start)
    found = [
        flag for flag in found if flag.kind == "email" or 1 not in in_email[flag.start : flag.end]
    ]
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
