"""Lists sorted by ratio, either way with the empty ratios last (read.SORTS): on PostgreSQL
a page walks one day's rows in the order of these indexes and stops after its own, where it
sorted every target (130-155 ms at 10x). SQLite cannot index with NULLS LAST: nothing there,
and the model does not declare them."""

from django.db import migrations

INDEXES = {
    "stored_evaluation_ratio_up": '"ratio" ASC NULLS LAST',
    "stored_evaluation_ratio_down": '"ratio" DESC NULLS LAST',
}


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, order in INDEXES.items():
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS "{name}" ON "dashboards_storedevaluation" ("at", {order})'
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f'DROP INDEX IF EXISTS "{name}"')


class Migration(migrations.Migration):
    dependencies = [("dashboards", "0004_red_list_index")]

    operations = [migrations.RunPython(create, drop)]
