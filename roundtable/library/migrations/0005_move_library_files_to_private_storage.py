"""Library files move out of public media into PRIVATE_MEDIA_ROOT under neutral names; the
name they were uploaded with is kept for downloads. Their old /media/ URLs then answer 404."""

import shutil
import uuid
from pathlib import Path

from django.conf import settings
from django.db import migrations


def move_to_private(apps, schema_editor):
    LibraryFile = apps.get_model("library", "LibraryFile")
    public = Path(settings.MEDIA_ROOT)
    private = Path(settings.PRIVATE_MEDIA_ROOT)
    for item in LibraryFile.objects.exclude(file="").iterator():
        old = public / item.file.name
        if not old.is_file():
            continue  # already private, or lost: nothing to move
        extension = old.suffix.lower().lstrip(".") or "bin"
        new_name = f"library/{uuid.uuid4().hex}.{extension}"
        target = private / new_name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(old, target)
        LibraryFile.objects.filter(pk=item.pk).update(
            file=new_name, filename=item.filename or old.name[:200]
        )
        old.unlink()


class Migration(migrations.Migration):
    dependencies = [("library", "0004_library_files_private_neutral_names")]

    operations = [migrations.RunPython(move_to_private, migrations.RunPython.noop)]
