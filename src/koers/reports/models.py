"""Reports: one record per document (an annual plan, a quarter's progress report, the
accountability for a grant, an evaluation dossier), its sign-off, and the snapshot kept
when it is sent.

A report's content is never stored while it is being prepared: it is assembled from the
records each time (`koers.reports.content`), so it shows today's figures. Sending stores
the content as it was (`ReportSnapshot.content`, with the three documents rendered from
it); later corrections show as differences against the snapshot and never rewrite it.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class ReportKind(models.TextChoices):
    ANNUAL_PLAN = "annual_plan", _("Annual plan")
    PROGRESS = "progress", _("Progress report")
    ACCOUNTABILITY = "accountability", _("Accountability report")
    EVALUATION = "evaluation", _("Evaluation dossier")


class ReportStatus(models.TextChoices):
    PREPARED = "prepared", _("Prepared")
    REVIEWED = "reviewed", _("Reviewed")
    SIGNED = "signed", _("Signed by the director")
    SENT = "sent", _("Sent")


class Report(models.Model):
    """A document for a funder about one plan: for a year (and quarter), for a grant, or
    for an evaluation over several years. It covers the programmes of the plan that its
    recipient funds (for a grant: the programmes the grant pays for)."""

    organisation = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        related_name="reports",
        verbose_name=_("organisation"),
    )
    plan = models.ForeignKey(
        "plans.Plan", on_delete=models.PROTECT, related_name="reports", verbose_name=_("plan")
    )
    recipient = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        related_name="received_reports",
        verbose_name=_("for"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=ReportKind.choices)
    year = models.PositiveSmallIntegerField(_("year"))
    quarter = models.PositiveSmallIntegerField(_("quarter"), null=True, blank=True)
    last_year = models.PositiveSmallIntegerField(
        _("up to and including"), null=True, blank=True, help_text=_("Evaluations: the last year.")
    )
    grant = models.ForeignKey(
        "funding.Grant",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reports",
        verbose_name=_("grant"),
    )
    title = models.CharField(_("title"), max_length=200)
    due_on = models.DateField(_("due"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=ReportStatus.choices, default=ReportStatus.PREPARED
    )
    prepared_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, related_name="+", verbose_name=_("prepared by")
    )
    prepared_at = models.DateTimeField(_("prepared at"))
    reviewed_by = models.ForeignKey(
        "accounts.User",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reviewed by"),
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    signed_by = models.ForeignKey(
        "accounts.User",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("signed by"),
    )
    signed_at = models.DateTimeField(_("signed at"), null=True, blank=True)
    sent_by = models.ForeignKey(
        "accounts.User",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sent by"),
    )
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        # Empty quarters last on both databases (PostgreSQL and SQLite sort them apart).
        ordering = [
            "-year",
            models.F("quarter").desc(nulls_last=True),
            "kind",
            "-id",
        ]
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        indexes = [
            models.Index(fields=["organisation", "year"]),
            models.Index(fields=["recipient", "status"]),
        ]
        # One report per kind, period, plan and recipient: the service refuses a second
        # with a link to the first, and these hold it when two people prepare at once. One
        # constraint per kind, because each kind leaves other period fields empty and an
        # empty (NULL) field never clashes in a unique constraint. Reports are not withdrawn
        # (a sent one is final, an unsent one goes back to prepared), so every one counts.
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "recipient", "year"],
                condition=models.Q(kind="annual_plan"),
                name="report_one_annual_plan_per_year",
            ),
            models.UniqueConstraint(
                fields=["plan", "recipient", "year", "quarter"],
                condition=models.Q(kind="progress"),
                name="report_one_progress_report_per_quarter",
            ),
            models.UniqueConstraint(
                fields=["plan", "recipient", "year", "grant"],
                condition=models.Q(kind="accountability"),
                name="report_one_accountability_per_grant_and_year",
            ),
            models.UniqueConstraint(
                fields=["plan", "recipient", "year", "last_year"],
                condition=models.Q(kind="evaluation"),
                name="report_one_evaluation_per_span",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class EvaluationQuestion(models.Model):
    """A question or criterion of an evaluation, as the funder asks it; the organisation's
    answer is written here, the evidence is assembled by Koers."""

    TENANT_PATH = "report__organisation"  # whose record it is (koers.core.records)

    report = models.ForeignKey(
        Report, on_delete=models.CASCADE, related_name="questions", verbose_name=_("report")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    question = models.TextField(_("question or criterion"))
    answer = models.TextField(_("our answer"), blank=True)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("evaluation question")
        verbose_name_plural = _("evaluation questions")

    def __str__(self) -> str:
        return self.question[:60]


class ReportSnapshot(models.Model):
    """What was sent: the content with every figure, and the documents rendered from it.
    Written once when the report is sent and never changed."""

    TENANT_PATH = "report__organisation"  # whose record it is (koers.core.records)

    report = models.OneToOneField(
        Report, on_delete=models.PROTECT, related_name="snapshot", verbose_name=_("report")
    )
    content = models.JSONField(_("content as sent"))
    sha256 = models.CharField(_("checksum of the content"), max_length=64)
    created_at = models.DateTimeField(_("sent at"))

    class Meta:
        verbose_name = _("snapshot")
        verbose_name_plural = _("snapshots")

    def __str__(self) -> str:
        return str(self.report)


class DocumentFormat(models.TextChoices):
    DOCX = "docx", _("Word")
    PDF = "pdf", _("PDF")
    XLSX = "xlsx", _("Excel")


class JobStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting")
    RUNNING = "running", _("Being made")
    DONE = "done", _("Ready")
    FAILED = "failed", _("Failed")


class ReportDocument(models.Model):
    """A rendered document of a report: made by the task worker for long documents (with
    its progress), and kept; for a sent report, the documents of the snapshot."""

    TENANT_PATH = "report__organisation"  # whose record it is (koers.core.records)

    report = models.ForeignKey(
        Report, on_delete=models.CASCADE, related_name="documents", verbose_name=_("report")
    )
    snapshot = models.ForeignKey(
        ReportSnapshot,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="documents",
        verbose_name=_("snapshot"),
    )
    format = models.CharField(_("format"), max_length=4, choices=DocumentFormat.choices)
    status = models.CharField(
        _("status"), max_length=8, choices=JobStatus.choices, default=JobStatus.QUEUED
    )
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    file = models.FileField(_("document"), upload_to="reports/%Y/", blank=True, max_length=300)
    sha256 = models.CharField(max_length=64, blank=True)
    error = models.TextField(blank=True)
    requested_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, related_name="+", verbose_name=_("requested by")
    )
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    language = models.CharField(
        _("language"), max_length=10, blank=True, help_text=_("Of whoever asked for it.")
    )
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        ordering = ["-requested_at", "-id"]
        verbose_name = _("report document")
        verbose_name_plural = _("report documents")
        constraints = [
            models.UniqueConstraint(
                fields=["snapshot", "format"],
                condition=models.Q(snapshot__isnull=False),
                name="one_document_per_format_of_a_snapshot",
            )
        ]

    def __str__(self) -> str:
        return f"{self.report} ({self.format})"
