"""The contact page's address is a mailto: link, in every language."""

import pytest
from bs4 import BeautifulSoup
from django.conf import settings

from roundtable.content import demo
from roundtable.content.models import StandardPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def contact_pages(db):
    demo.create_locales()
    demo.create_home_pages()
    demo.create_standard_pages()
    return StandardPage.objects.filter(slug="contact").select_related("locale")


def test_the_contact_address_is_a_mailto_link_in_every_language(client, contact_pages):
    assert {page.locale.language_code for page in contact_pages} == {
        code for code, _name in settings.LANGUAGES
    }
    for page in contact_pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        soup = BeautifulSoup(response.content, "html.parser")
        links = soup.select('main a[href="mailto:hello@roundtable.example"]')
        assert [link.get_text() for link in links] == ["hello@roundtable.example"], page.url


def test_only_addresses_become_links():
    html = demo.with_mail_links("Write to <team> at a.b@example.org. Thanks.", source=True)
    assert html == (
        'Write to &lt;team&gt; at <a href="mailto:a.b@example.org">a.b@example.org</a>. Thanks.'
    )
    assert demo.with_mail_links("x@example.org or y@example.org", source=False) == (
        '<a id="a1">x@example.org</a> or <a id="a2">y@example.org</a>'
    )
