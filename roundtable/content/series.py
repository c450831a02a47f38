"""What a series page lists: each capability declares the kind of item it contributes.

News declares its articles; discussions, webinars, documents and courses join the same way
as they arrive (`Capability.series`). A kind receives the series' `translation_key` (the same
in every language) and returns the items to show, already in the reader's language where
possible. `SeriesKind` lives in core and is re-exported here.
"""

from django.http import HttpRequest

from roundtable.core import capabilities
from roundtable.core.capabilities import SeriesKind

__all__ = ["SeriesKind", "series_items"]


def series_items(*, series, request: HttpRequest) -> list[dict]:
    """One section per kind that has items in this series, in order."""
    sections = []
    for kind in capabilities.series_kinds():
        items = kind.items(series.translation_key, request)
        if items:
            sections.append(
                {"key": kind.key, "label": kind.label, "template": kind.template, "items": items}
            )
    return sections
