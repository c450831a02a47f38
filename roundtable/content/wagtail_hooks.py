from wagtail.snippets.models import register_snippet

from roundtable.content.models import Funder

register_snippet(Funder)
