"""One declaration per capability: everything an app adds to the platform, in one place.

Each capability (accounts, content, news, library, glossary, forum, ...) builds one
`Capability` and calls `register()` from its `AppConfig.ready()`. The platform's shared
pieces -- navigation, footer, home page, site search, series pages, periodic jobs,
notification messages, the translation dashboard, the sitemap, `manage.py demo` and
`manage.py bench`, the URL map -- read the declarations through the accessors below, so
that nothing outside a capability's folder names it. A new capability is one folder plus
one line in `INSTALLED_APPS`.

Declarations are kept by app label and read in `INSTALLED_APPS` order, filtered to the apps
installed *now*: `override_settings(INSTALLED_APPS=...)` re-runs every `ready()` (which
replaces the declarations, by key) and an app that is no longer installed is skipped
without having to be forgotten.

Core imports no capability: the value types every capability fills in (navigation items,
home sections, search providers and results, series kinds) live in core, and the apps that
used to own them re-export them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from uuid import UUID

from django.apps import apps
from django.http import HttpRequest
from django.utils.functional import Promise

if TYPE_CHECKING:
    from django.contrib.sitemaps import Sitemap

    from roundtable.core.home import HomeSection
    from roundtable.core.navigation import NavItem

DemoStep = tuple[str, Callable[[], None]]


# --- Value types a capability fills in ------------------------------------------------


@dataclass(frozen=True)
class Result:
    """One hit of the site search, already checked against what the viewer may see."""

    title: str
    url: str
    snippet: str = ""
    language: str = ""
    meta: str = ""


@dataclass
class ResultGroup:
    """One provider's answer: its first results, how many there are, and its full search."""

    key: str
    label: str | Promise
    results: list[Result] = field(default_factory=list)
    total: int = 0
    more_url: str = ""


@dataclass(frozen=True)
class Provider:
    """How to search one kind of content: `search(query=, also=, request=, limit=)`."""

    key: str
    label: str | Promise
    search: Callable[..., ResultGroup]
    order: int = 100


@dataclass(frozen=True)
class SeriesKind:
    """A kind of item a series page lists: `items(translation_key, request)`."""

    key: str
    label: str | Promise
    template: str
    items: Callable[[UUID, HttpRequest], list[Any]]
    order: int = 100


@dataclass(frozen=True)
class FooterLink:
    """A link in the footer's last line (code of conduct, glossary, news feed...)."""

    label: str | Promise
    url_name: str
    order: int = 100
    url_args: tuple[Any, ...] = ()


@dataclass(frozen=True)
class NotificationKind:
    """A notification's message (lazy, with named placeholders) and, optionally, how to turn
    stored parameters into displayed ones in the reader's language."""

    message: str | Promise
    prepare: Callable[[dict[str, Any]], dict[str, Any]] | None = None


@dataclass(frozen=True)
class Translatable:
    """A model the translation dashboard lists and whose translators are alerted.

    `series_lookup` is the queryset filter that narrows the model to one series (given the
    series' translation key); models without one drop out when the dashboard is filtered
    by series."""

    model: str  # "app_label.ModelName"
    key: str
    label: str | Promise
    order: int = 100
    series_lookup: str = ""


@dataclass(frozen=True)
class Demo:
    """The capability's demo content. `steps` is a callable returning (label, function) pairs,
    or the dotted path of a module with a `steps()` function (imported only when
    `manage.py demo` runs, so that start-up does not pay for the demo code)."""

    order: int
    steps: str | Callable[[], list[DemoStep]]

    def collect(self) -> list[DemoStep]:
        """The (label, function) pairs, importing the module first when given by path."""
        if callable(self.steps):
            return list(self.steps())
        from importlib import import_module

        return list(import_module(self.steps).steps())


@dataclass(frozen=True)
class UrlInclude:
    """URL patterns to include: a module path, mounted at `prefix`, under the language prefix
    (/sq/...) unless `i18n` is False."""

    module: str
    prefix: str = ""
    i18n: bool = True


@dataclass(frozen=True)
class MfaRoles:
    """Roles whose holders must use two-factor authentication: group names, and permissions
    as "app_label.codename" or "app_label.*" for every permission of an app."""

    groups: tuple[str, ...] = ()
    permissions: tuple[str, ...] = ()


@dataclass(frozen=True)
class CacheRule:
    """When an object of `model` ("app_label.ModelName") changes, these cache keys or tags
    are stale (for the page cache that comes later)."""

    model: str
    keys: tuple[str, ...]


@dataclass(frozen=True)
class PersonalData:
    """A capability's part of a member's own data: `export(user=)` returns what to hand
    them, `erase(user=)` erases or anonymises it when the account is deleted."""

    export: Callable[..., Mapping[str, Any]]
    erase: Callable[..., None]


@dataclass(frozen=True)
class Capability:
    """Everything one app adds to the platform. `key` is the app's label."""

    key: str
    label: str | Promise
    nav: tuple[NavItem, ...] = ()
    footer: tuple[FooterLink, ...] = ()
    home: tuple[HomeSection, ...] = ()
    search: tuple[Provider, ...] = ()
    series: tuple[SeriesKind, ...] = ()
    # Functions that queue a periodic task's first run (django-tasks has no scheduler).
    periodic: tuple[Callable[[], None], ...] = ()
    notifications: Mapping[str, NotificationKind] = field(default_factory=dict)
    translatable: tuple[Translatable, ...] = ()
    # Section name -> Sitemap class, as django.contrib.sitemaps takes them.
    sitemaps: Mapping[str, type[Sitemap]] = field(default_factory=dict)
    demo: Demo | None = None
    # Dotted path of a module with `populate(scale=)`, `login(client)` and `CASES`.
    bench: str = ""
    urls: tuple[UrlInclude, ...] = ()
    mfa_roles: MfaRoles = field(default_factory=MfaRoles)
    # "app_label.ModelName" -> the fields members write that the de-identification check reads.
    deid_fields: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    cache_invalidation: tuple[CacheRule, ...] = ()
    personal_data: PersonalData | None = None
    # Extra paths (relative to the project or absolute) a backup must cover.
    backup_paths: tuple[str, ...] = ()


_registry: dict[str, Capability] = {}


def register(capability: Capability) -> None:
    """Declare an app's capability; call it from `AppConfig.ready()`.

    Idempotent by key: `ready()` runs again whenever the installed apps change (tests that
    override `INSTALLED_APPS`), and the newer declaration replaces the older one."""
    _registry[capability.key] = capability


def all() -> list[Capability]:  # noqa: A001 - reads as capabilities.all()
    """The declarations of the installed apps, in `INSTALLED_APPS` order."""
    return [
        _registry[config.label] for config in apps.get_app_configs() if config.label in _registry
    ]


def get(key: str) -> Capability | None:
    """One installed capability's declaration, or None."""
    return next((capability for capability in all() if capability.key == key), None)


# --- Accessors, one per field ---------------------------------------------------------


def nav_items() -> list[NavItem]:
    return sorted((item for c in all() for item in c.nav), key=lambda item: item.order)


def footer_links() -> list[FooterLink]:
    return sorted((link for c in all() for link in c.footer), key=lambda link: link.order)


def home_sections() -> list[HomeSection]:
    return sorted((s for c in all() for s in c.home), key=lambda s: s.order)


def search_providers() -> list[Provider]:
    return sorted((p for c in all() for p in c.search), key=lambda p: p.order)


def series_kinds() -> list[SeriesKind]:
    return sorted((k for c in all() for k in c.series), key=lambda k: k.order)


def periodic_jobs() -> list[Callable[[], None]]:
    return [job for c in all() for job in c.periodic]


def notification_kinds() -> dict[str, NotificationKind]:
    return {kind: spec for c in all() for kind, spec in c.notifications.items()}


def translatables() -> list[Translatable]:
    return sorted((t for c in all() for t in c.translatable), key=lambda t: t.order)


def translatable_models() -> list[str]:
    """Dotted labels ("library.LibraryEntry") of every translatable model."""
    return [t.model for t in translatables()]


def sitemaps() -> dict[str, type[Sitemap]]:
    return {name: cls for c in all() for name, cls in c.sitemaps.items()}


def demo_steps() -> list[DemoStep]:
    """Every capability's demo steps, lowest `order` first (stable for equal orders)."""
    demos = sorted((c.demo for c in all() if c.demo is not None), key=lambda d: d.order)
    return [step for demo in demos for step in demo.collect()]


def bench_modules() -> list[tuple[str, str]]:
    """(capability key, module path) of every bench declared."""
    return [(c.key, c.bench) for c in all() if c.bench]


def url_includes() -> list[UrlInclude]:
    return [include for c in all() for include in c.urls]


def mfa_groups() -> list[str]:
    return [group for c in all() for group in c.mfa_roles.groups]


def mfa_permissions() -> list[str]:
    return [perm for c in all() for perm in c.mfa_roles.permissions]


def deid_fields() -> dict[str, tuple[str, ...]]:
    return {model: fields for c in all() for model, fields in c.deid_fields.items()}


def cache_rules() -> list[CacheRule]:
    return [rule for c in all() for rule in c.cache_invalidation]


def personal_data() -> list[tuple[str, PersonalData]]:
    return [(c.key, c.personal_data) for c in all() if c.personal_data is not None]


def backup_paths() -> list[str]:
    return [path for c in all() for path in c.backup_paths]
