from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from roundtable.content.models import Funder, Topic


class FunderViewSet(SnippetViewSet):
    model = Funder
    icon = "group"
    list_display = ["name", "url", "show_in_footer", "locale"]


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    list_display = ["name", "slug", "locale"]
    search_fields = ["name"]


register_snippet(FunderViewSet)
register_snippet(TopicViewSet)
