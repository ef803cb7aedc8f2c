"""What the plans services' audit actions are called on screen."""

from __future__ import annotations

from django.utils.translation import gettext_lazy

ACTION_LABELS = {
    "realisation.record": gettext_lazy("Realisation recorded"),
    "realisation.delete": gettext_lazy("Realisation removed"),
    "target.set": gettext_lazy("Target set"),
    "activity.create": gettext_lazy("Activity added"),
    "activity.carry_over": gettext_lazy("Activity carried over from the previous year"),
    "annual_plan.carry_over": gettext_lazy("Annual plan drafted from the multi-year plan"),
    "indicator.create": gettext_lazy("Indicator added"),
    "indicator.measure": gettext_lazy("How an indicator is measured changed"),
    "activity.update": gettext_lazy("Activity changed"),
    "activity.decide": gettext_lazy("Go/no-go decided"),
    "amendment.propose": gettext_lazy("Amendment proposed"),
    "amendment.approve": gettext_lazy("Amendment approved"),
    "amendment.reject": gettext_lazy("Amendment rejected"),
    "amendment.apply": gettext_lazy("Amendment applied"),
    "quarter_report.save": gettext_lazy("Quarterly progress saved"),
    # What the trail (append-only) calls the saves made before the rename from ActivityUpdate.
    "activity_update.save": gettext_lazy("Quarterly progress saved"),
    "activity_comment.post": gettext_lazy("Comment posted"),
    "activity_comment.reply": gettext_lazy("Answer posted"),
    "tactical_goal.save": gettext_lazy("Tactical goal saved"),
    "standing_task.save": gettext_lazy("Standing task saved"),
    "multi_year_result.save": gettext_lazy("Multi-year result saved"),
    "multi_year_target.save": gettext_lazy("Multi-year target saved"),
    "activity_partner.add": gettext_lazy("Partner added"),
    "activity_partner.remove": gettext_lazy("Partner removed"),
    "milestone.save": gettext_lazy("Milestone saved"),
    # Onboarding a partner (koers organisation add / import-users).
    "organisation.add": gettext_lazy("Organisation brought into Koers"),
    "account.add": gettext_lazy("Account added with its role"),
    "account.import": gettext_lazy("Account imported with its role"),
    "plan.add": gettext_lazy("Multi-year plan added"),
    "programme.add": gettext_lazy("Programme added"),
    "annual_plan.add": gettext_lazy("Annual plan opened in concept"),
}
