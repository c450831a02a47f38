"""A row-count limit refuses the write after N rows in the window, counts only the user's
own recent rows, reads N when checked, and keeps to one naming rule."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.translation import gettext_lazy

from roundtable.accounts.tests.factories import make_member
from roundtable.core.limits import RowLimit
from roundtable.notifications.models import Notification

pytestmark = pytest.mark.django_db

LIMIT = RowLimit(
    model=Notification,
    owner_field="recipient",
    setting="ROUNDTABLE_LIMIT_TEST_ROWS_PER_HOUR",
    window=datetime.timedelta(hours=1),
    message=gettext_lazy("You have sent many reports in the last hour. Please try again later."),
)


def test_the_limit_counts_the_users_recent_rows_only(settings, django_assert_num_queries):
    settings.ROUNDTABLE_LIMIT_TEST_ROWS_PER_HOUR = 2
    user, other = make_member(username="limited"), make_member(username="other")
    old = Notification.objects.create(recipient=user, kind="x", params={})
    Notification.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - datetime.timedelta(hours=2)
    )
    Notification.objects.create(recipient=other, kind="x", params={})
    Notification.objects.create(recipient=user, kind="x", params={})
    with django_assert_num_queries(1):
        LIMIT.check(user=user)  # one recent row of the user's own: allowed
    Notification.objects.create(recipient=user, kind="x", params={})
    with pytest.raises(PermissionDenied, match="many reports in the last hour"):
        LIMIT.check(user=user)
    settings.ROUNDTABLE_LIMIT_TEST_ROWS_PER_HOUR = 3  # read when checked
    LIMIT.check(user=user)


def test_a_limit_named_otherwise_is_refused_at_declaration():
    with pytest.raises(ValueError, match="ROUNDTABLE_LIMIT_"):
        RowLimit(
            model=Notification,
            owner_field="recipient",
            setting="TEST_ROWS_PER_HOUR",
            window=datetime.timedelta(hours=1),
            message="",
        )
