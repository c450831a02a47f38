from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from roundtable.forum.models import Category


class CategoryViewSet(SnippetViewSet):
    model = Category
    icon = "comment"
    menu_label = _("Forum categories")
    add_to_admin_menu = True
    menu_order = 220
    list_display = ["name", "visibility", "is_case_discussion", "threads_count", "locale"]
    list_filter = ["visibility", "is_case_discussion", "locale"]
    search_fields = ["name", "description"]


register_snippet(CategoryViewSet)
