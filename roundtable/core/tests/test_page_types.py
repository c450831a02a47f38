"""The catalogue of page types covers the site: every page opens for its viewer."""

import pytest

from roundtable.core.tests.page_types import WHO, page_types, sign_in


@pytest.mark.parametrize("language", ["en", "mk"])
def test_every_page_type_opens_for_its_viewer(client, demo, language):
    failures = []
    seen = set()
    for page in page_types(language):
        assert page.who in WHO
        assert (page.name, page.who) not in seen, page
        seen.add((page.name, page.who))
        sign_in(client, page.who)
        response = client.get(page.url)
        if response.status_code != page.status:
            failures.append(
                f"{page.name} ({page.who}) {page.url}: {response.status_code} {response.get('Location', '')}"
            )
    assert not failures, "\n".join(failures)
    assert len(seen) > 60
