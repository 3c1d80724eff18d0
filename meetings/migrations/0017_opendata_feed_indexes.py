"""Indexes for the open-data feeds: the newest notices of the whole country, a body's newest decisions."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("federations", "0003_opendata_timestamps"),
        ("meetings", "0016_decision_recipients_and_extracts"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="anslag",
            index=models.Index(fields=["-posted_on", "-id"], name="notice_newest_idx"),
        ),
        migrations.AddIndex(
            model_name="registerentry",
            index=models.Index(fields=["body", "-date", "-meeting", "number"], name="register_body_newest_idx"),
        ),
    ]
