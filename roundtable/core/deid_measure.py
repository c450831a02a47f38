"""Measuring the de-identification check against a labelled corpus.

A corpus is a folder of JSON-lines files, one per language (`en.jsonl`, `sr.jsonl`, ...). Each
line is `{"kinds": {"<kind>": "<the detail as written>", ...}, "text": "<a sentence>"}`; a
clean sentence has `"kinds": {}`. A positive counts as found for a kind when the scan flags
that kind anywhere in the sentence. Clean sentences of one language are grouped, in file
order, into posts of ten; a post is a false alarm when any of its sentences is flagged, since
that is what a member sees: one warning on the post.
"""

import datetime
import json
import time
from dataclasses import dataclass, field
from pathlib import Path

from roundtable.core import deid

CORPORA = Path(__file__).parent / "tests" / "deid_corpus"
# Fixed, so that the numbers do not move with the calendar (full dates of the current year
# are read as meetings, not births).
TODAY = datetime.date(2026, 12, 1)
POST_SIZE = 10


@dataclass(frozen=True)
class Sentence:
    language: str
    text: str
    kinds: dict[str, str]


@dataclass
class Tally:
    found: int = 0
    total: int = 0

    @property
    def rate(self) -> float:
        return self.found / self.total if self.total else 1.0


@dataclass
class Report:
    by_kind: dict[str, Tally] = field(default_factory=dict)
    by_language: dict[str, Tally] = field(default_factory=dict)
    overall: Tally = field(default_factory=Tally)
    clean_sentences: Tally = field(default_factory=Tally)  # found = flagged sentences
    clean_posts: Tally = field(default_factory=Tally)  # found = flagged posts
    clean_by_language: dict[str, tuple[Tally, Tally]] = field(default_factory=dict)
    misses: list[tuple[Sentence, str]] = field(default_factory=list)
    false_alarms: list[tuple[Sentence, list[deid.Flag]]] = field(default_factory=list)


def load(path: Path) -> list[Sentence]:
    files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
    sentences = []
    for file in files:
        for line in file.read_text(encoding="utf-8").splitlines():
            if line.strip():
                entry = json.loads(line)
                sentences.append(Sentence(file.stem, entry["text"], entry["kinds"]))
    return sentences


def measure(sentences: list[Sentence], *, today: datetime.date = TODAY) -> Report:
    report = Report()
    clean_by_language: dict[str, list[bool]] = {}
    for sentence in sentences:
        flags = deid.scan(sentence.text, today=today)
        flagged = {flag.kind for flag in flags}
        if not sentence.kinds:
            clean_by_language.setdefault(sentence.language, []).append(bool(flags))
            if flags:
                report.false_alarms.append((sentence, flags))
            continue
        for kind in sentence.kinds:
            hit = kind in flagged
            for tally in (
                report.by_kind.setdefault(kind, Tally()),
                report.by_language.setdefault(sentence.language, Tally()),
                report.overall,
            ):
                tally.total += 1
                tally.found += hit
            if not hit:
                report.misses.append((sentence, kind))
    for language, flags in clean_by_language.items():
        per_sentence = Tally(sum(flags), len(flags))
        posts = [flags[i : i + POST_SIZE] for i in range(0, len(flags), POST_SIZE)]
        per_post = Tally(sum(any(post) for post in posts), len(posts))
        report.clean_by_language[language] = (per_sentence, per_post)
        for mine, total in ((per_sentence, report.clean_sentences), (per_post, report.clean_posts)):
            total.found += mine.found
            total.total += mine.total
    return report


def scan_time(characters: int = 20_000, repeat: int = 5) -> float:
    """CPU seconds (so that other load on the machine does not count) for the fastest of `repeat` scans of a post of about `characters` characters,
    built from the tuning corpus (positives and clean sentences mixed)."""
    sentences = [sentence.text for sentence in load(CORPORA / "tuning")]
    text, index = "", 0
    while len(text) < characters:
        text += sentences[index % len(sentences)] + " "
        index += 1
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        deid.scan(text, today=TODAY)
        best = min(best, time.process_time() - start)
    return best


def _percent(tally: Tally) -> str:
    return f"{100 * tally.rate:5.1f} % ({tally.found}/{tally.total})"


def format_report(report: Report, *, details: bool = False) -> str:
    lines = ["Recall by kind"]
    lines += [f"  {kind:<12} {_percent(report.by_kind[kind])}" for kind in sorted(report.by_kind)]
    lines.append("Recall by language")
    lines += [
        f"  {language:<12} {_percent(report.by_language[language])}"
        for language in sorted(report.by_language)
    ]
    lines.append(f"Recall overall {_percent(report.overall)}")
    lines.append("False alarms, clean sentences / clean 10-sentence posts, by language")
    for language in sorted(report.clean_by_language):
        per_sentence, per_post = report.clean_by_language[language]
        lines.append(f"  {language:<12} {_percent(per_sentence)}   {_percent(per_post)}")
    lines.append(f"False alarms per clean sentence {_percent(report.clean_sentences)}")
    lines.append(f"False alarms per clean post     {_percent(report.clean_posts)}")
    if details:
        lines.append("Misses")
        lines += [f"  [{s.language}] {kind}: {s.text}" for s, kind in report.misses]
        lines.append("False alarms")
        lines += [
            f"  [{s.language}] {', '.join(f'{f.kind}={f.text!r}' for f in flags)}: {s.text}"
            for s, flags in report.false_alarms
        ]
    return "\n".join(lines)
