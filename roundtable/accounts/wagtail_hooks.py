from wagtail.snippets.models import register_snippet

from roundtable.accounts.models import CodeOfConduct

register_snippet(CodeOfConduct)
