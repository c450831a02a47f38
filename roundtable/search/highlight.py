"""Highlighted snippets: the query's words marked in the original text, accents and all."""

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from roundtable.core.text import fold
from roundtable.search.fts import query_words

_TOKEN = re.compile(r"\w+", re.UNICODE)


def highlight(text: str, query: str, *, length: int = 280) -> SafeString:
    """An escaped extract of `text` around the first match, with matching words in <mark>.

    Words are compared folded, so "femijeve" marks "fëmijëve" and "zastita" marks "заштита".
    """
    text = text or ""
    words = query_words(query)
    matches = [
        m
        for m in _TOKEN.finditer(text)
        if words and any(fold(m.group()).startswith(w) for w in words)
    ]
    start = 0
    if matches and matches[0].start() > length // 3:
        start = text.rfind(" ", 0, matches[0].start() - length // 3) + 1
    end = min(len(text), start + length)
    if end < len(text):
        end = max(text.rfind(" ", start, end), start + length // 2)
    pieces, cursor = [], start
    for match in matches:
        if match.start() < start or match.end() > end:
            continue
        pieces.append(escape(text[cursor : match.start()]))
        pieces.append(f"<mark>{escape(match.group())}</mark>")
        cursor = match.end()
    pieces.append(escape(text[cursor:end]))
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(prefix + "".join(pieces) + suffix)  # noqa: S308 - every piece is escaped
