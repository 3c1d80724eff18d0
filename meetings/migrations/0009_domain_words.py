"""Code speaks the domain's words: justera (not "adjust") and anslag (not "notice", which also meant the kallelse).

Renames only: no data changes. Status values stored in the database ("under_justering", "justerat") are unchanged.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("meetings", "0008_appeal")]

    operations = [
        migrations.RenameField("meeting", "adjusters", "justerare"),
        migrations.RenameField("meeting", "adjustment_place_time", "justering_place_time"),
        migrations.RenameField("meeting", "adjusted_at", "justerad_at"),
        migrations.RenameField("meeting", "notice_sent_at", "kallelse_sent_at"),
        migrations.RenameField("agendaitem", "immediate_adjustment", "immediate_justering"),
        migrations.RenameModel("Notice", "Anslag"),
        migrations.AlterField(
            model_name="anslag",
            name="meeting",
            field=models.OneToOneField(
                on_delete=django.db.models.deletion.CASCADE, related_name="anslag", to="meetings.meeting"
            ),
        ),
    ]
