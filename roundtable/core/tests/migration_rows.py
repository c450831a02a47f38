"""Rows that migrations write, for transactional tests (live server, real worker)."""

import importlib

from django.apps import apps


def restore_migration_rows() -> None:
    """Put back the rows that migrations write (spoken languages and expertise areas, the
    Site), for a transactional test that needs them.

    After a transactional test with `serialized_rollback`, Django flushes the database
    without re-running post_migrate, so a transactional test that follows without
    `serialized_rollback` (or whose restore found nothing to restore) meets empty tables.
    Idempotent: both seeders update or create.
    """
    from roundtable.core.apps import _sync_site_with_settings

    seed = importlib.import_module(
        "roundtable.accounts.migrations.0002_seed_languages_and_expertise"
    )
    seed.seed(apps, None)
    _sync_site_with_settings(sender=None)
