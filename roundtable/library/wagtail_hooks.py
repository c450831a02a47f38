from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from roundtable.library.models import LibraryEntry


class LibraryEntryViewSet(SnippetViewSet):
    model = LibraryEntry
    icon = "doc-full-inverse"
    menu_label = _("Library")
    add_to_admin_menu = True
    menu_order = 210
    list_display = [
        "title",
        "kind",
        "year",
        "locale",
        Column("submitted_by", label=_("Suggested by")),
        Column("extraction_problems", label=_("Text extraction problems")),
        "live",
    ]
    list_filter = ["live", "kind", "locale"]
    search_fields = ["title", "summary", "publisher"]


register_snippet(LibraryEntryViewSet)
