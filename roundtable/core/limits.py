"""Row-count limits: "at most N rows of this model by this user in the last window".

Hand-written rather than a cache counter (django-ratelimit, allauth's limits) on purpose:
the rows a member wrote are already in the database, so counting them is exact across every
web worker and survives a cache flush or restart, and a rolled-back write never counts.
The count is one indexed query, paid only by the writes that are limited.

Each capability declares its limits as `RowLimit` values. N is always a setting named
`ROUNDTABLE_LIMIT_<THING>_PER_<WINDOW>`, read from the environment in `settings.py` and
documented in `.env.example`; it is read when checked, never at import, so a deployment
(or a test) can change it.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.db.models import Model
from django.utils import timezone
from django.utils.functional import Promise

SETTING_PREFIX = "ROUNDTABLE_LIMIT_"


@dataclass(frozen=True)
class RowLimit:
    """At most `settings.<setting>` rows of `model` whose `owner_field` is the user and
    whose `time_field` falls within the last `window`; `message` (a lazy translation) is
    what the member reads when refused."""

    model: type[Model]
    owner_field: str
    setting: str
    window: datetime.timedelta
    message: str | Promise
    time_field: str = "created_at"

    def __post_init__(self) -> None:
        # One naming rule for every limit, so that .env.example reads as one list.
        if not (self.setting.startswith(SETTING_PREFIX) and "_PER_" in self.setting):
            raise ValueError(
                f"{self.setting}: limits are named {SETTING_PREFIX}<THING>_PER_<WINDOW>"
            )

    @property
    def maximum(self) -> int:
        """N, from the settings at the time of asking."""
        return int(getattr(settings, self.setting))

    def reached(self, *, user: AbstractBaseUser) -> bool:
        """Whether `user` already has N rows in the window (one more would be too many)."""
        since = timezone.now() - self.window
        recent = self.model._default_manager.filter(
            **{self.owner_field: user, f"{self.time_field}__gte": since}
        )
        return recent.count() >= self.maximum

    def check(self, *, user: AbstractBaseUser) -> None:
        """Raise PermissionDenied with the message when the limit is reached."""
        if self.reached(user=user):
            raise PermissionDenied(str(self.message))
