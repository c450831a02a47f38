"""The kinds of notification and their messages. Capabilities declare their own kinds.

Each app lists its kinds in `Capability.notifications` (core/capabilities.py), so every kind
is known as soon as `django.setup()` has run -- in a worker or a shell too, not only once the
module that sends it has been imported. Messages are lazy translations with named
placeholders, filled when the notification is shown or mailed, in the language of whoever
reads it.
"""

from collections.abc import Callable

from django.utils.functional import Promise
from django.utils.translation import gettext as _

from roundtable.core import capabilities
from roundtable.core.capabilities import NotificationKind

# Kinds registered at run time rather than declared (tests, and modules not yet moved to
# their app's declaration). A declaration wins over a registration of the same kind.
_messages: dict[str, NotificationKind] = {}


def register(
    kind: str, message: str | Promise, prepare: Callable[[dict], dict] | None = None
) -> None:
    """`prepare` turns stored parameters into displayed ones (a language code into its
    name, say) in the reader's language. Prefer `Capability.notifications`."""
    _messages[kind] = NotificationKind(message=message, prepare=prepare)


def known(kind: str) -> NotificationKind | None:
    """The declared (or registered) kind, or None."""
    return capabilities.notification_kinds().get(kind) or _messages.get(kind)


def render(kind: str, params: dict) -> str:
    spec = known(kind)
    if spec is None:
        return _("You have a new notification.")
    try:
        return str(spec.message) % (spec.prepare(params) if spec.prepare else params)
    except (KeyError, TypeError, ValueError):
        # A message whose placeholders changed since the row was written: say what we can.
        return _("You have a new notification.")
