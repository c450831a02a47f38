"""`users_with_perm` finds holders through a group, directly, and superusers; never the
inactive or those without the permission, and each holder once."""

import pytest
from django.contrib.auth.models import Group, Permission

from roundtable.accounts.tests.factories import make_member
from roundtable.core.permissions import users_with_perm

pytestmark = pytest.mark.django_db


def test_holders_through_a_group_directly_and_superusers_are_found_once(django_assert_num_queries):
    permission = Permission.objects.get(codename="moderate_forum")
    group_a, group_b = Group.objects.create(name="A"), Group.objects.create(name="B")
    group_a.permissions.add(permission)
    group_b.permissions.add(permission)
    in_two_groups = make_member(username="two-groups")
    in_two_groups.groups.add(group_a, group_b)
    direct = make_member(username="direct")
    direct.user_permissions.add(permission)
    superuser = make_member(username="super")
    superuser.is_superuser = True
    superuser.save()
    inactive = make_member(username="inactive")
    inactive.user_permissions.add(permission)
    inactive.is_active = False
    inactive.save()
    make_member(username="nobody")
    with django_assert_num_queries(1):
        found = sorted(u.username for u in users_with_perm(perm="forum.moderate_forum"))
    assert found == ["direct", "super", "two-groups"]
