"""Snippet models whose translations translators keep up to date.

A capability registers each translatable snippet model (not a page: pages announce
themselves with `page_published`) from its `ready()`; the translation workflow reads this list
when such an object is saved and alerts the translators of that object's languages. The list
lives in core so that neither side imports the other (the section 1 capability declaration
will absorb it).
"""

from django.db.models import Model

_snippet_models: list[type[Model]] = []


def register_snippet(*, model: type[Model]) -> None:
    """Alert translators when an object of `model` changes (once per model)."""
    if model not in _snippet_models:
        _snippet_models.append(model)


def snippet_models() -> tuple[type[Model], ...]:
    """The registered snippet models, in the order they were registered."""
    return tuple(_snippet_models)
