"""Posts written before replies asked for a language take their thread's language."""

from django.db import migrations
from django.db.models import OuterRef, Subquery


def language_from_thread(apps, schema_editor):
    Post = apps.get_model("forum", "Post")
    Thread = apps.get_model("forum", "Thread")
    Post.objects.update(
        language=Subquery(Thread.objects.filter(pk=OuterRef("thread_id")).values("language")[:1])
    )


class Migration(migrations.Migration):
    dependencies = [
        ("forum", "0005_post_language"),
    ]

    operations = [
        migrations.RunPython(language_from_thread, migrations.RunPython.noop, elidable=True),
    ]
