from django.db import migrations

from roundtable.search.fts import fts_operations


class Migration(migrations.Migration):
    dependencies = [("forum", "0001_forum")]

    operations = fts_operations(table="forum_post", column="search_folded")
