"""{% mentions_for_reader %}…{% end_mentions_for_reader %}: mentions of members whose
profile the reader may not see become plain text.

Posts are stored rendered, with mentions linked to profiles at write time; who may see a
profile depends on the reader and can change later, so it is decided here, with one query
for the whole block.
"""

from django import template
from django.contrib.auth.models import AnonymousUser

from roundtable.accounts.selectors import profiles_visible_to
from roundtable.forum.markdown import mentioned_profile_ids, unlink_mentions

register = template.Library()


class MentionsForReaderNode(template.Node):
    def __init__(self, nodelist):
        self.nodelist = nodelist

    def render(self, context) -> str:
        html = self.nodelist.render(context)
        ids = mentioned_profile_ids(html)
        if not ids:
            return html
        request = context.get("request")
        viewer = getattr(request, "user", None) or AnonymousUser()
        visible = set(
            profiles_visible_to(viewer=viewer).filter(pk__in=ids).values_list("pk", flat=True)
        )
        return unlink_mentions(html, keep=visible)


@register.tag
def mentions_for_reader(parser, token):
    nodelist = parser.parse(("end_mentions_for_reader",))
    parser.delete_first_token()
    return MentionsForReaderNode(nodelist)
