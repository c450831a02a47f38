"""Who holds a permission: one query, Django's own, for every capability.

Capabilities used to build the same Q objects by hand (superuser, or the permission through
a group, or given directly). `User.objects.with_perm()` answers the same question with one
`EXISTS` subquery per user row, so the result needs no `.distinct()` and composes with other
filters without multiplying rows through the group join.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.db.models import QuerySet

# Several backends are configured (allauth's for logging in by e-mail), and `with_perm()`
# must then be told which one answers; permissions live in Django's model backend only.
PERMISSION_BACKEND = "django.contrib.auth.backends.ModelBackend"


def users_with_perm(*, perm: str, is_active: bool | None = True) -> QuerySet[AbstractBaseUser]:
    """The users holding `perm` ("app_label.codename") directly, through a group, or as
    superusers; only active ones unless `is_active` says otherwise (None: all)."""
    User = get_user_model()
    return User.objects.with_perm(  # type: ignore[attr-defined, no-any-return]
        perm, is_active=is_active, include_superusers=True, backend=PERMISSION_BACKEND
    )
