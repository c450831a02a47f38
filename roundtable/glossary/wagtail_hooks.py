from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from roundtable.glossary.models import Term


class TermViewSet(SnippetViewSet):
    model = Term
    icon = "doc-full"
    list_display = ["term", "slug", "locale", "updated_at"]
    search_fields = ["term", "definition"]


register_snippet(TermViewSet)
