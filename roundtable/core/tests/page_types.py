"""A catalogue of every reader-facing page type, on the demo content.

Whole-site checks (the HTML checker, axe) walk it: `page_types(language)` yields one
`PageType(name, url, who)` per page a reader can meet, for `who` in `WHO` ("anonymous",
"member", "moderator"). Public pages come once per viewer that sees them differently (signed
out and signed in); members' and moderators' pages once, for the viewer who may open them.
`sign_in(client, who)` signs a test client in as that viewer.

Needs the demo content (the `demo` fixture) and an open database. A page added to the site
belongs here, so that every whole-site check covers it.
"""

import time
from collections.abc import Iterator
from typing import NamedTuple

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import translation

ANONYMOUS = "anonymous"
MEMBER = "member"
MODERATOR = "moderator"
WHO = (ANONYMOUS, MEMBER, MODERATOR)

# The demo's own accounts: "demo" is an ordinary member (in the mentoring group, with
# posts of their own), "petra" moderates the forum.
MEMBER_USERNAME = "demo"
MODERATOR_USERNAME = "petra"

FOLLOW_UP = "After the regional conference in Prizren: what we agreed"
CASE = "Girl of 11 refusing contact with her father after a court decision"
ALBANIAN = "Takim i punonjësve socialë në Korçë"
PUBLIC_CATEGORY = "practice-and-methods"
MEMBERS_CATEGORY = "events-and-follow-ups"
CASE_CATEGORY = "case-discussions"
GROUP_CATEGORY = "mentoring-circle-2026"
NOTHING_MATCHES = "zzqxjv"


class PageType(NamedTuple):
    name: str
    url: str
    who: str

    @property
    def status(self) -> int:
        """The HTTP status the page answers with."""
        return 404 if self.name.startswith("404") else 200


def page_types(language: str = "en") -> Iterator[PageType]:
    """Every page type in `language` (a URL prefix the site serves), for every viewer."""
    with translation.override(language):
        yield from _pages(language)


def _pages(language: str) -> Iterator[PageType]:
    from roundtable.content.models import HomePage, SeriesIndexPage, SeriesPage, StandardPage
    from roundtable.forum.models import Post, Thread
    from roundtable.glossary.models import Term
    from roundtable.library.models import LibraryEntry
    from roundtable.news.models import NewsArticlePage, NewsIndexPage

    def page_url(model, **filters) -> str:
        page = (
            model.objects.live()
            .filter(locale__language_code=language, **filters)
            .order_by("path")
            .first()
        )
        if page is None:  # Not translated: the reader meets the English page.
            page = model.objects.live().filter(locale__language_code="en", **filters).first()
        return page.url

    both = (ANONYMOUS, MEMBER)
    everyone = (ANONYMOUS, MEMBER, MODERATOR)

    def public(name: str, url: str, viewers=both) -> Iterator[PageType]:
        for who in viewers:
            yield PageType(name, url, who)

    # --- Pages of the page tree ----------------------------------------------------------
    yield from public("home", page_url(HomePage))
    yield from public("news index", page_url(NewsIndexPage))
    article = (
        NewsArticlePage.objects.live()
        .filter(locale__language_code=language)
        .order_by("-first_published_at")
        .first()
    )
    article = article or NewsArticlePage.objects.live().filter(locale__language_code="en").first()
    yield from public("news article", article.url)
    yield from public("series index", page_url(SeriesIndexPage))
    yield from public("series page", page_url(SeriesPage), everyone)
    yield from public("about (funders)", page_url(StandardPage, slug="about"))
    yield from public("contact", page_url(StandardPage, slug="contact"))
    yield from public("code of conduct", reverse("accounts:conduct"))

    # --- Library, glossary, site search ---------------------------------------------------
    library = reverse("library:index")
    yield from public("library index", library)
    yield from public("library search", f"{library}?q=child")
    yield from public("library search, nothing found", f"{library}?q={NOTHING_MATCHES}")
    entry = (
        LibraryEntry.objects.filter(live=True, locale__language_code=language)
        .order_by("pk")
        .first()
        or LibraryEntry.objects.filter(live=True).order_by("pk").first()
    )
    topic = entry.topics.first() if hasattr(entry, "topics") else None
    facets = f"{library}?kind={entry.kind}&sort=date"
    if topic is not None:
        facets += f"&topic={topic.slug}"
    yield from public("library facets", facets)
    yield from public("library entry", reverse("library:entry", args=[entry.slug]))
    yield PageType("library: suggest an entry", reverse("library:suggest"), MEMBER)
    yield PageType("library: reading list", reverse("library:reading_list"), MEMBER)

    glossary = reverse("glossary:index")
    yield from public("glossary index", glossary)
    term = (
        Term.objects.filter(locale__language_code=language).order_by("term").first()
        or Term.objects.order_by("term").first()
    )
    yield from public("glossary term", f"{glossary}?q={term.term}")

    search = reverse("search:search")
    yield from public("site search, empty", search)
    yield from public("site search with results", f"{search}?q=conference")
    yield from public("site search without results", f"{search}?q={NOTHING_MATCHES}")

    # --- Forum ----------------------------------------------------------------------------
    follow_up = Thread.objects.get(title=FOLLOW_UP)
    case = Thread.objects.get(title=CASE)
    public_thread = Thread.objects.filter(category__slug=PUBLIC_CATEGORY).order_by("pk").first()
    albanian = Thread.objects.get(title=ALBANIAN)
    group_thread = Thread.objects.filter(category__slug=GROUP_CATEGORY).order_by("pk").first()
    own_post = (
        Post.objects.filter(author__username=MEMBER_USERNAME).order_by("pk").first()
        or follow_up.posts.order_by("pk").first()
    )

    def category(slug: str) -> str:
        return reverse("forum:category", args=[slug])

    def thread(item) -> str:
        return reverse("forum:thread", args=[item.pk])

    yield from public("forum index", reverse("forum:index"), everyone)
    yield from public("forum category (public)", category(PUBLIC_CATEGORY))
    yield from public("forum thread (public)", thread(public_thread))
    yield from public("forum thread in Albanian", thread(albanian))
    forum_search = reverse("forum:search")
    yield from public("forum search with results", f"{forum_search}?q=conference")
    yield from public("forum search without results", f"{forum_search}?q={NOTHING_MATCHES}")
    yield PageType("forum search, empty", forum_search, MEMBER)
    yield from public("forum category (members)", category(MEMBERS_CATEGORY), (MEMBER, MODERATOR))
    yield PageType("forum category (group)", category(GROUP_CATEGORY), MEMBER)
    yield PageType("forum thread (group)", thread(group_thread), MEMBER)
    yield from public("forum thread (members)", thread(follow_up), (MEMBER, MODERATOR))
    yield from public("forum: case discussions", category(CASE_CATEGORY), (MEMBER, MODERATOR))
    yield from public("forum: case discussion", thread(case), (MEMBER, MODERATOR))
    yield PageType(
        "forum: new thread", reverse("forum:thread_create", args=[MEMBERS_CATEGORY]), MEMBER
    )
    yield PageType(
        "forum: new case discussion",
        reverse("forum:thread_create", args=[CASE_CATEGORY]),
        MEMBER,
    )
    yield PageType("forum: reply", reverse("forum:reply", args=[follow_up.pk]), MEMBER)
    yield PageType(
        "forum: reply quoting",
        f"{reverse('forum:reply', args=[follow_up.pk])}?quote={follow_up.posts.first().pk}",
        MEMBER,
    )
    yield PageType("forum: edit own post", reverse("forum:post_edit", args=[own_post.pk]), MEMBER)
    yield PageType("forum: report a post", reverse("forum:report", args=[own_post.pk]), MEMBER)
    yield PageType("forum: watching", reverse("forum:watching"), MEMBER)
    yield PageType("forum: moderation queue", reverse("forum:queue"), MODERATOR)
    yield PageType("forum: moderation log", reverse("forum:log"), MODERATOR)
    yield PageType(
        "forum: post history", reverse("forum:post_history", args=[own_post.pk]), MODERATOR
    )
    yield PageType("forum: move a thread", reverse("forum:move", args=[follow_up.pk]), MODERATOR)
    yield PageType("forum: split a thread", reverse("forum:split", args=[follow_up.pk]), MODERATOR)

    # --- Members --------------------------------------------------------------------------
    from roundtable.accounts.choices import Visibility
    from roundtable.accounts.models import Profile

    public_profile = (
        Profile.objects.filter(visibility=Visibility.PUBLIC).order_by("pk").first()
        or Profile.objects.order_by("pk").first()
    )
    members_profile = Profile.objects.filter(visibility=Visibility.MEMBERS).order_by("pk").first()
    directory = reverse("accounts:directory")
    yield from public("members directory", directory)
    yield PageType("members directory, filtered", f"{directory}?q=a", MEMBER)
    yield from public(
        "member profile", reverse("accounts:profile_detail", args=[public_profile.pk])
    )
    if members_profile is not None:
        yield from public(
            "member profile (members only)",
            reverse("accounts:profile_detail", args=[members_profile.pk]),
            (MEMBER, MODERATOR),
        )
    yield PageType("own profile: edit", reverse("accounts:profile_edit"), MEMBER)
    yield PageType("notifications", reverse("notifications:list"), MEMBER)

    # --- Accounts (allauth) ---------------------------------------------------------------
    for name, url_name in (
        ("sign in", "account_login"),
        ("sign up", "account_signup"),
        ("password reset", "account_reset_password"),
        ("password reset: e-mail sent", "account_reset_password_done"),
        ("password reset: done", "account_reset_password_from_key_done"),
        ("e-mail confirmation sent", "account_email_verification_sent"),
        ("account inactive", "account_inactive"),
    ):
        yield PageType(f"account: {name}", reverse(url_name), ANONYMOUS)
    yield PageType(
        "account: password reset, bad link",
        reverse("account_reset_password_from_key", kwargs={"uidb36": "1", "key": "bad-key"}),
        ANONYMOUS,
    )
    yield PageType(
        "account: e-mail confirmation, bad link",
        reverse("account_confirm_email", args=["bad-key"]),
        ANONYMOUS,
    )
    for name, url_name in (
        ("e-mail addresses", "account_email"),
        ("change password", "account_change_password"),
        ("sign out", "account_logout"),
        ("reauthenticate", "account_reauthenticate"),
        ("two-factor authentication", "mfa_index"),
        ("authenticator app: set up", "mfa_activate_totp"),
    ):
        yield PageType(f"account: {name}", reverse(url_name), MEMBER)
    for name, url_name in (
        ("two-factor authentication (active)", "mfa_index"),
        ("authenticator app: turn off", "mfa_deactivate_totp"),
        ("recovery codes: generate", "mfa_generate_recovery_codes"),
        ("reauthenticate with a code", "mfa_reauthenticate"),
    ):
        yield PageType(f"account: {name}", reverse(url_name), MODERATOR)

    # --- Editors, errors ------------------------------------------------------------------
    yield PageType("translation dashboard", reverse("translations_dashboard"), MODERATOR)
    yield from public("404 not found", f"/{language}/no-such-page/", everyone)


def sign_in(client, who: str):
    """Sign `client` in as the demo viewer `who` (anonymous: signed out) and return it.

    The member and the moderator have just entered their password (pages that ask for a
    recent sign-in open at once); the moderator has an authenticator app, as members with
    powers must, and may open the Wagtail admin (the translation dashboard)."""
    assert who in WHO, who
    client.logout()
    if who == ANONYMOUS:
        return client
    User = get_user_model()
    user = User.objects.get(username=MEMBER_USERNAME if who == MEMBER else MODERATOR_USERNAME)
    if who == MODERATOR:
        _give_powers(user)
    client.force_login(user)
    session = client.session
    session["account_authentication_methods_user"] = str(user.pk)
    session["account_authentication_methods"] = [
        {"method": "password", "at": time.time(), "email": user.email, "reauthenticated": True}
    ]
    session.save()
    return client


def _give_powers(user) -> None:
    from allauth.mfa.models import Authenticator

    from roundtable.accounts.tests.factories import give_totp

    if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
        give_totp(user)
    editors, _created = Group.objects.get_or_create(name="Editors")
    editors.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(editors)
