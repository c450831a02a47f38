"""Library editors hold one permission; migration 0006 gave it to whoever held the other."""

import importlib

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission

from roundtable.accounts.tests.factories import make_member
from roundtable.library.services import library_editors

pytestmark = pytest.mark.django_db

migration = importlib.import_module(
    "roundtable.library.migrations.0006_editors_hold_the_publish_permission"
)


def test_holders_of_the_change_permission_become_editors_after_the_migration():
    change = Permission.objects.get(codename="change_libraryentry")
    group = Group.objects.create(name="Old library editors")
    group.permissions.add(change)
    through_group = make_member(username="through-group")
    through_group.groups.add(group)
    direct = make_member(username="direct")
    direct.user_permissions.add(change)
    assert list(library_editors()) == []

    migration.give_holders_the_kept_permission(apps, None)

    assert sorted(u.username for u in library_editors()) == ["direct", "through-group"]
    refreshed = type(direct).objects.get(pk=direct.pk)
    assert refreshed.has_perm("library.publish_libraryentry")
