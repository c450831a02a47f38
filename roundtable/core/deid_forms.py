"""The de-identification check wherever members write: one piece for every form.

A service calls `check(texts=..., confirmed=..., each=...)` before it writes anything. If
the texts hold details (core.deid) the member has not confirmed, it raises
`IdentifyingDetails` and nothing is saved. A form with `DeidFormMixin` reads the member's
confirmations from the request and, after a refusal, shows each flagged detail
highlighted in the member's own text (template `core/_deid_flags.html`).

Two strengths of confirmation:
- `each=True` (case discussions): every flag must be confirmed on its own;
- `each=False` (everywhere else): one checkbox confirms the flags the member was shown.
  The code of conduct forbids identifying a child anywhere, so the member is still asked;
  but outside case discussions one considered tick is enough.
"""

import re

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from roundtable.core import deid as rules

# Keys confirmed with the one checkbox carry this prefix, so a case discussion (each=True)
# can tell them from keys confirmed one by one, and ignore them.
_ALL = "all:"


def file_name_text(name: str) -> str:
    """A file's name as the check reads it: "ana-petrovic_2015.pdf" is written like
    "Ana Petrovic 2015 Pdf", so the rules that need capitals and spaces see the name.
    Same length as `name`, so a flag's place in it is the place in the name."""
    spaced = re.sub(r"[_\-.+]", " ", name)
    titled = spaced.title()
    return titled if len(titled) == len(name) else spaced


class IdentifyingDetails(ValidationError):
    """The texts hold details the member has neither removed nor confirmed. `found` lists
    each checked field with its text and open flags; `flags` lists every open flag;
    `kept` the keys the member confirmed that still apply, carried to the next submit so
    a confirmation is not lost when another detail is flagged."""

    def __init__(
        self,
        found: list[tuple[str, str, list[rules.Flag]]],
        *,
        each: bool,
        kept: list[str] = (),
    ):
        self.found = found
        self.kept = list(kept)
        self.flags = [flag for _field, _text, flags in found for flag in flags]
        self.each = each
        super().__init__(
            _(
                "Your text may contain details that identify a child or a family. Remove "
                "each one, or confirm that it does not identify anyone."
            ),
            code="identifying_details",
        )

    @property
    def keys(self) -> str:
        """The open flags' keys, space-separated: the value of the one checkbox."""
        return " ".join(dict.fromkeys(flag.key for flag in self.flags))


def check(
    *,
    texts: list[tuple[str, str]],
    confirmed: set[str],
    each: bool = False,
    members: frozenset[str] | set[str] = frozenset(),
    file_names: list[tuple[str, str]] = (),
) -> list[str]:
    """Scan each (field, text), and each (field, file name) as `file_name_text` reads it.
    Return the kinds of the flags found (all confirmed), for the record; or raise
    IdentifyingDetails listing those still open. `members`: the folded handles of members
    the texts mention (see `deid.scan`)."""
    if each:
        accepted = {key for key in confirmed if not key.startswith(_ALL)}
    else:
        accepted = {key.removeprefix(_ALL) for key in confirmed}
    kinds: set[str] = set()
    found = []
    kept: dict[str, None] = {}
    readings = [(field, text, text) for field, text in texts]
    readings += [(field, name, file_name_text(name)) for field, name in file_names]
    for field, text, reading in readings:
        flags = rules.scan(reading, members=members) if reading else []
        if reading is not text:  # show and confirm the flag as the member wrote it
            flags = [rules.Flag(f.kind, text[f.start : f.end], f.start, f.end) for f in flags]
        kinds.update(flag.kind for flag in flags)
        kept.update((flag.key, None) for flag in flags if flag.key in accepted)
        open_flags = rules.unconfirmed(flags, accepted)
        if open_flags:
            found.append((field, text, open_flags))
    if found:
        raise IdentifyingDetails(found, each=each, kept=list(kept))
    return sorted(kinds)


class DeidFormMixin:
    """For a form whose text a service checks: `confirmed()` gives the service the
    member's confirmations; after `refused(error)`, `deid` and `deid_highlights` feed the
    shared template. The checkboxes are read from the request, not declared as fields, so
    a form rendered with `as_div` shows nothing extra until there is something to confirm."""

    deid: IdentifyingDetails | None = None
    # Labels of checked texts that are not the form's own fields (a file's name).
    deid_labels: dict = {}

    @property
    def flags(self) -> list[rules.Flag]:
        return self.deid.flags if self.deid else []

    def confirmed(self) -> set[str]:
        data = self.data
        if not self.is_bound or not hasattr(data, "getlist"):
            return set()
        keys = set(data.getlist("confirm"))
        for value in data.getlist("confirm_all"):
            keys.update(_ALL + key for key in value.split())
        return keys

    def refused(self, error: IdentifyingDetails) -> None:
        self.deid = error
        self.add_error(None, error)

    @property
    def deid_highlights(self) -> list[tuple[str, list]]:
        """(label, pieces) for each checked text with open flags, in the member's words."""
        if not self.deid:
            return []
        result = []
        for field, text, flags in self.deid.found:
            label = self.deid_labels.get(field) or (
                self.fields[field].label if field in self.fields else ""
            )
            result.append((str(label), rules.pieces(text, flags)))
        return result


def submit(form: forms.BaseForm, write):
    """Run a service write for a valid form; on refusal put the reasons (and any flags)
    on the form and return None."""
    try:
        return write()
    except IdentifyingDetails as error:
        form.refused(error)
    except PermissionDenied as denied:
        form.add_error(None, str(denied))
    except ValidationError as error:
        if hasattr(error, "error_dict"):
            for field, errors in error.error_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            form.add_error(None, error)
    return None
