"""The kinds of notification and their messages. Capabilities register their own kinds.

Messages are lazy translations with named placeholders, filled when the notification is
shown or mailed, in the language of whoever reads it.
"""

from collections.abc import Callable

from django.utils.functional import Promise
from django.utils.translation import gettext as _

_messages: dict[str, tuple[str | Promise, Callable[[dict], dict] | None]] = {}


def register(
    kind: str, message: str | Promise, prepare: Callable[[dict], dict] | None = None
) -> None:
    """`prepare` turns stored parameters into displayed ones (a language code into its
    name, say) in the reader's language."""
    _messages[kind] = (message, prepare)


def render(kind: str, params: dict) -> str:
    if kind not in _messages:
        return _("You have a new notification.")
    template, prepare = _messages[kind]
    try:
        return str(template) % (prepare(params) if prepare else params)
    except (KeyError, TypeError, ValueError):
        # A message whose placeholders changed since the row was written: say what we can.
        return _("You have a new notification.")
