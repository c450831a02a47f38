"""Library editors hold one permission, `publish_libraryentry`.

Some checks used to accept `change_libraryentry` instead (reading drafts and their files);
every user and group that held it is given `publish_libraryentry`, so that nobody who could
review suggestions before loses that. `change_libraryentry` itself is left in place: the
Wagtail admin still needs it to open the edit form.
"""

from django.db import migrations

KEPT = "publish_libraryentry"
DROPPED = "change_libraryentry"


def give_holders_the_kept_permission(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    User = apps.get_model("auth", "User")  # the project has no custom user model
    dropped = Permission.objects.filter(content_type__app_label="library", codename=DROPPED).first()
    if dropped is None:
        return  # a fresh database: permissions are created after migrating, held by nobody
    content_type = ContentType.objects.get(app_label="library", model="libraryentry")
    kept, _created = Permission.objects.get_or_create(
        content_type=content_type,
        codename=KEPT,
        defaults={"name": "Can publish library entry"},
    )
    for group in Group.objects.filter(permissions=dropped):
        group.permissions.add(kept)
    for user in User.objects.filter(user_permissions=dropped):
        user.user_permissions.add(kept)


class Migration(migrations.Migration):
    dependencies = [
        ("library", "0005_move_library_files_to_private_storage"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(give_holders_the_kept_permission, migrations.RunPython.noop)]
