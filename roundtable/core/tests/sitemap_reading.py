"""Reading sitemap.xml in tests: each <url> by its location, with lastmod and alternates."""

from dataclasses import dataclass, field

from defusedxml import ElementTree

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


@dataclass
class Entry:
    location: str
    lastmod: str | None
    alternates: dict[str, str] = field(default_factory=dict)


def sitemap_entries(client, **extra) -> dict[str, Entry]:
    response = client.get("/sitemap.xml", **extra)
    assert response.status_code == 200
    root = ElementTree.fromstring(response.content)
    entries = {}
    for url in root.findall("s:url", NS):
        location = url.find("s:loc", NS).text
        lastmod = url.find("s:lastmod", NS)
        entries[location] = Entry(
            location=location,
            lastmod=lastmod.text if lastmod is not None else None,
            alternates={
                link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)
            },
        )
    return entries
