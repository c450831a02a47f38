"""Members write Markdown; what is stored and shown is HTML that cannot carry a script.

markdown-it renders with raw HTML switched off, then nh3 keeps only the tags below: a
post can never inject markup, styles or scripts, whatever its author typed.
"""

import re

import nh3
from markdown_it import MarkdownIt

_markdown = MarkdownIt("commonmark", {"html": False, "breaks": True}).enable(
    ["table", "strikethrough"]
)

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "del", "code", "pre", "blockquote", "ul", "ol", "li", "a",
    "h3", "h4", "h5", "h6", "hr", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title", "class"}, "ol": {"start"}, "th": {"align"}}
_HEADING = re.compile(r"<(/?)h[12]>")

MENTION = re.compile(r"(?<![\w@/.])@([A-Za-z0-9_.+-]{2,150})")


def render(text: str, *, mentions: dict[str, str] | None = None) -> str:
    """Safe HTML for `text`. `mentions` maps usernames to profile URLs: those @names become
    links (others stay plain text)."""
    mentions = mentions or {}

    def link(match: re.Match) -> str:
        username = match.group(1).rstrip(".")
        url = mentions.get(username.lower())
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
    return {match.rstrip(".").lower() for match in MENTION.findall(text)}


def quote(text: str, *, username: str) -> str:
    """Markdown that quotes `text`, attributed to @username, ready for a reply."""
    quoted = "\n".join(f"> {line}" if line else ">" for line in text.strip().splitlines())
    return f"> @{username}:\n{quoted}\n\n"
