"""ActivityUpdate is renamed to what it is, a quarter's report on an activity: the table,
its rows and their ids are kept (RenameModel), and the constraints take the new name."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("plans", "0003_activity_updates_and_comments"),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="activityupdate",
            name="activity_update_unique_quarter",
        ),
        migrations.RemoveConstraint(
            model_name="activityupdate",
            name="activity_update_quarter_1_to_4",
        ),
        migrations.RenameModel(old_name="ActivityUpdate", new_name="QuarterReport"),
        migrations.AlterField(
            model_name="quarterreport",
            name="activity",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="quarter_reports",
                to="plans.activity",
                verbose_name="activity",
            ),
        ),
        migrations.AddConstraint(
            model_name="quarterreport",
            constraint=models.UniqueConstraint(
                fields=("activity", "quarter"), name="quarter_report_unique_quarter"
            ),
        ),
        migrations.AddConstraint(
            model_name="quarterreport",
            constraint=models.CheckConstraint(
                condition=models.Q(("quarter__gte", 1), ("quarter__lte", 4)),
                name="quarter_report_quarter_1_to_4",
            ),
        ),
    ]
