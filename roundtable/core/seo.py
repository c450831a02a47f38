"""What search engines and link previews read: the canonical address of a page, its
Open Graph locale, robots.txt, and the host every absolute URL is built on.

Absolute URLs come from `SITE_URL`, never from the request: behind a proxy the request's
host is the proxy's upstream name (or whatever a client put in `Host`), and a canonical
link or a sitemap naming that host would send search engines to the wrong place.
"""

from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.http import HttpRequest

# Open Graph wants language_TERRITORY. Each interface language gets the territory where
# most of its readers live.
OG_LOCALES = {
    "en": "en_GB",  # the interface is written in British English ("catalogue", "colour")
    "sq": "sq_AL",
    "hr": "hr_HR",
    # Open Graph has no script subtag; Serbian in Latin script is read in Serbia.
    "sr-latn": "sr_RS",
    # Montenegrin is not Serbian: `sr_ME` would tell a preview (and its readers) the page
    # is in Serbian, and disagree with the page's `lang="cnr"` and its hreflang. The ISO
    # 639-3 code with the territory is honest; a consumer that does not know it falls back
    # to the page's own language detection, as it would for any unknown locale.
    "cnr": "cnr_ME",
    "bs": "bs_BA",
    "mk": "mk_MK",
    "ro": "ro_RO",
    "bg": "bg_BG",
    "hu": "hu_HU",
}

# Views whose pages are search results: they are not indexed (each query would be one more
# thin page), and their canonical is the page itself, query included — a canonical naming
# another address would contradict the `noindex`.
SEARCH_VIEWS = {"search:search", "forum:search"}
SEARCH_PARAMETERS = {"q"}

# Parameters that only say where a visitor came from: never part of a page's address.
TRACKING_PARAMETERS = {"fbclid", "gclid", "dclid", "msclkid", "yclid", "mc_cid", "mc_eid", "ref"}
TRACKING_PREFIXES = ("utm_", "_hs", "pk_", "mtm_")


def site_origin() -> str:
    """`SITE_URL`'s scheme and host (with port), without a trailing slash."""
    parts = urlsplit(settings.SITE_URL)
    return f"{parts.scheme}://{parts.netloc}"


def absolute_url(path: str) -> str:
    """`path` on the public site (`SITE_URL`), whatever host the request came through."""
    if urlsplit(path).scheme:
        return path
    return f"{site_origin()}{path}"


def og_locale(language_code: str) -> str:
    return OG_LOCALES.get(language_code, language_code.replace("-", "_"))


def _is_tracking(name: str) -> bool:
    return name.lower() in TRACKING_PARAMETERS or name.lower().startswith(TRACKING_PREFIXES)


def _page_number(value: str) -> int | None:
    return int(value) if value.isdigit() and int(value) > 1 else None


def is_search_results(request: HttpRequest) -> bool:
    match = getattr(request, "resolver_match", None)
    if match is not None and match.view_name in SEARCH_VIEWS:
        return True
    return any(request.GET.get(name, "").strip() for name in SEARCH_PARAMETERS)


def canonical_url(request: HttpRequest) -> str:
    """The one address of what this request shows.

    - Tracking parameters (utm_*, fbclid…) are dropped everywhere.
    - A paginated list keeps its `page` (page 1 is the bare address): page 3 of a thread is
      another page than page 1.
    - Search results keep their query and page, and are marked `noindex` (see SEARCH_VIEWS).
    - A filtered list (library facets, news by country) names the unfiltered list: the
      filters show a subset of what that list shows, and page 3 of a subset is not page 3
      of the list, so the page goes too.
    """
    kept = [
        (name, value)
        for name, values in request.GET.lists()
        for value in values
        if value.strip() and not _is_tracking(name)
    ]
    if is_search_results(request):
        params = [
            (name, value)
            for name, value in kept
            if name != "page" or _page_number(value) is not None
        ]
    else:
        page = [(name, value) for name, value in kept if name == "page" and _page_number(value)]
        filtered = any(name != "page" for name, _value in kept)
        params = [] if filtered else page[:1]
    query = f"?{urlencode(params)}" if params else ""
    return absolute_url(f"{request.path}{query}")


def robots_txt_lines() -> list[str]:
    """robots.txt: the sitemap, and the paths no search engine should crawl.

    Disallowed: the editors' and Django admins, everything about a visitor's own account
    (sign-in, profile, notifications, reading list, watches), moderation, search results,
    private files, forms that need a signed-in member, and the member directory: the
    members are child-protection professionals, and a search engine indexing their names
    and workplaces is not what "visible to everyone" on their profile promises.
    """
    language_paths = [
        "accounts/",
        "profile/",
        "members/",
        "notifications/",
        "search/",
        "forum/search/",
        "forum/watching/",
        "forum/read/",
        "forum/moderation/",
        "forum/files/",
        "forum/unsubscribe/",
        "forum/p/",
        "library/reading-list/",
        "library/suggest/",
        "library/files/",
    ]
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /django-admin/",
        "Disallow: /healthz",
    ]
    for code, _name in settings.LANGUAGES:
        lines += [f"Disallow: /{code}/{path}" for path in language_paths]
    # sitemap.xml holds the whole site while each section fits on one page; the index
    # names every page of every section (core.sitemaps.sitemap_index).
    lines += [
        "",
        f"Sitemap: {absolute_url('/sitemap.xml')}",
        f"Sitemap: {absolute_url('/sitemap-index.xml')}",
    ]
    return lines
