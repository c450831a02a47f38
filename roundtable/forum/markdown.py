"""Members write Markdown; what is stored and shown is HTML that cannot carry a script.

markdown-it renders with raw HTML switched off, then nh3 keeps only the tags below: a
post can never inject markup, styles or scripts, whatever its author typed.
"""

import re

import nh3
from django.urls import Resolver404, resolve
from markdown_it import MarkdownIt

from roundtable.core.text import fold

_markdown = MarkdownIt("commonmark", {"html": False, "breaks": True}).enable(
    ["table", "strikethrough"]
)

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "del", "code", "pre", "blockquote", "ul", "ol", "li", "a",
    "h3", "h4", "h5", "h6", "hr", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title", "class"}, "ol": {"start"}, "th": {"align"}}
_HEADING = re.compile(r"<(/?)h[12]>")

# @handle: handles may be written in any script (@Марко), so \w is Unicode here.
MENTION = re.compile(r"(?<![\w@/.])@([\w.+-]{2,150})")


def render(text: str, *, mentions: dict[str, str] | None = None) -> str:
    """Safe HTML for `text`. `mentions` maps folded handles (core.text.fold) to profile URLs:
    those @handles become links (others stay plain text). The link points at the profile's
    id, so it keeps working when the member changes their handle."""
    mentions = mentions or {}

    def link(match: re.Match) -> str:
        username = match.group(1).rstrip(".")
        url = mentions.get(fold(username))
        if not url:
            return match.group(0)
        rest = match.group(1)[len(username) :]
        return f"[@{username}]({url}){rest}"

    html = _markdown.render(MENTION.sub(link, text))
    # Headings inside a post sit below the thread's own h1/h2.
    html = _HEADING.sub(lambda m: f"<{m.group(1)}h3>", html)
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="nofollow ugc noopener",
    )


def mentioned_usernames(text: str) -> set[str]:
    """The handles mentioned in `text`, folded."""
    return {fold(match.rstrip(".")) for match in MENTION.findall(text)}


# A mention as render() stores it: a link to a profile page whose text begins with "@".
_MENTION_LINK = re.compile(r'<a href="(?P<href>/[^"]*)"[^>]*>(?P<text>@[^<]*)</a>')


def _mentioned_profile(href: str) -> int | None:
    try:
        match = resolve(href)
    except Resolver404:
        return None
    if match.view_name != "accounts:profile_detail":
        return None
    return match.kwargs.get("profile_id")


def mentioned_profile_ids(html: str) -> set[int]:
    """Ids of the profiles that rendered mentions in `html` link to."""
    ids = (_mentioned_profile(m.group("href")) for m in _MENTION_LINK.finditer(html))
    return {profile_id for profile_id in ids if profile_id is not None}


def unlink_mentions(html: str, *, keep: set[int]) -> str:
    """`html` with each mention of a profile not in `keep` as plain text: a reader who may
    not see a member's profile is not led to it (and learns nothing from a 404)."""

    def replace(match: re.Match) -> str:
        profile_id = _mentioned_profile(match.group("href"))
        if profile_id is None or profile_id in keep:
            return match.group(0)
        return match.group("text")

    return _MENTION_LINK.sub(replace, html)


def quote(text: str, *, username: str) -> str:
    """Markdown that quotes `text`, attributed to @username, ready for a reply."""
    quoted = "\n".join(f"> {line}" if line else ">" for line in text.strip().splitlines())
    return f"> @{username}:\n{quoted}\n\n"
