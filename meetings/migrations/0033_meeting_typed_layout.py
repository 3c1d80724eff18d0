"""The layout a record's typed texts are printed with is stored with the record (Meeting.typed_layout,
meetings.printing.typed_text), no longer read off a clock constant (the time commit 5d8feed was made, wrong for any
installation that deployed it later).

Every record existing now gets the old, flat layout, as the column is added: a column added with a default writes
no row, so PostgreSQL's triggers that keep a justerat record frozen see no change and the upgrade runs over
justerade protocols (see 0029). The default is then dropped (a record sealed from now on is given its layout as it is
sealed), and a record sealed by nothing yet (a draft, a protocol out for justering with no PDF sealed, no frozen
record) has its layout emptied again: it is laid out as today's portal does until it is sealed. A record a PDF was
sealed for (the whole protocol, or an extract of §§ justerade at the meeting) keeps the flat layout, so the protocol
sealed later prints as that extract did. A frozen record keeps it too (its row cannot change).

Its stored texts, snapshots and hashes are not touched.
"""

from django.db import migrations, models

FLAT = 1
CHOICES = [(1, "utan indrag (förseglat innan indrag bevarades)"), (2, "med indrag")]


def unsealed_laid_out_as_today(apps, schema_editor):
    Meeting = apps.get_model("meetings", "Meeting")
    Meeting.objects.exclude(status__in=["justerat", "godkant"]).filter(documents__isnull=True).update(
        typed_layout=None
    )


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0032_register_inflection_derivation_decimals"),
    ]

    operations = [
        migrations.AddField(
            model_name="meeting",
            name="typed_layout",
            field=models.PositiveSmallIntegerField(
                blank=True, choices=CHOICES, default=FLAT, editable=False, null=True, verbose_name="textens layout"
            ),
        ),
        migrations.AlterField(
            model_name="meeting",
            name="typed_layout",
            field=models.PositiveSmallIntegerField(
                blank=True, choices=CHOICES, editable=False, null=True, verbose_name="textens layout"
            ),
        ),
        migrations.RunPython(unsealed_laid_out_as_today, migrations.RunPython.noop),
    ]
