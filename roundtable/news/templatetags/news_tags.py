"""Links to news articles that keep the reader in their own language."""

from django import template

from roundtable.news.selectors import reader_article_url

register = template.Library()


@register.simple_tag(takes_context=True)
def article_url(context, article) -> str:
    """The article's own URL, or, when it is not translated into the reader's language, its
    original inside the reader's interface (`/hr/news/en/<slug>/`)."""
    return reader_article_url(article, context.get("request"))
