from django.db import migrations

from roundtable.search.fts import fts_operations


class Migration(migrations.Migration):
    dependencies = [("library", "0001_library_entries_files_reading_lists")]

    operations = fts_operations(table="library_libraryentry", column="search_folded")
