"""Password rules of our own, on top of Django's (settings.AUTH_PASSWORD_VALIDATORS)."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from roundtable.core.text import fold

_NOT_LETTERS = re.compile(r"[\W_\d]+")


class SiteNamePasswordValidator:
    """Refuse passwords that contain the site's name: it is the first word an attacker
    tries against this site. Matched folded (any case, accents, Cyrillic look-alikes) and
    with spaces and punctuation removed ("Round-Table")."""

    def __init__(self, names: list[str] | None = None):
        self.names = names or ["Roundtable"]

    def validate(self, password: str, user=None) -> None:
        squeezed = _NOT_LETTERS.sub("", fold(password))
        for name in self.names:
            if _NOT_LETTERS.sub("", fold(name)) in squeezed:
                raise ValidationError(
                    _("Your password must not contain the name of the site (%(name)s).")
                    % {"name": name},
                    code="password_contains_site_name",
                )

    def get_help_text(self) -> str:
        return _("Your password must not contain the name of the site (%(name)s).") % {
            "name": ", ".join(self.names)
        }
