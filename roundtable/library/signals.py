"""Receivers that hand editors' changes to the library services (no logic here)."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save


def on_file_saved(sender, instance, created, raw=False, **kwargs) -> None:
    from roundtable.library.models import LibraryFile
    from roundtable.library.services import file_prepare, file_schedule_extraction

    if raw or not instance.file:
        return
    if created and instance.extraction_status == "pending":
        file_prepare(instance)
        LibraryFile.objects.filter(pk=instance.pk).update(
            size=instance.size, file_type=instance.file_type
        )
        file_schedule_extraction(instance)


def on_entry_saved(sender, instance, raw=False, **kwargs) -> None:
    from roundtable.library.services import library_changed, reindex_entry_task

    if raw:
        return
    library_changed()
    key = str(instance.translation_key)
    transaction.on_commit(lambda: reindex_entry_task.enqueue(translation_key=key))


def on_entry_deleted(sender, instance, **kwargs) -> None:
    from roundtable.library.services import library_changed

    library_changed()


def connect() -> None:
    from roundtable.library.models import LibraryEntry, LibraryFile

    post_save.connect(on_file_saved, sender=LibraryFile, dispatch_uid="library_file_saved")
    post_save.connect(on_entry_saved, sender=LibraryEntry, dispatch_uid="library_entry_saved")
    post_delete.connect(on_entry_deleted, sender=LibraryEntry, dispatch_uid="library_entry_deleted")
