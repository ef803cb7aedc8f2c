"""The classifier's trained models: one row per training, with its figures per category and
its parameters stored as plain arrays (never a pickle: loading a model must not be able to
run code)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from koers.signals.managers import HeldQuerySet


class TrainingStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Training")
    READY = "ready", _("Ready")
    TOO_FEW = "too_few", _("Too few labelled signals")
    FAILED = "failed", _("Failed")


class ClassifierModel(models.Model):
    holder = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        related_name="signal_classifiers",
        verbose_name=_("kept by"),
    )
    requested_at = models.DateTimeField(_("requested at"))
    trained_at = models.DateTimeField(_("trained at"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=TrainingStatus.choices, default=TrainingStatus.QUEUED
    )
    message = models.CharField(_("message"), max_length=500, blank=True)
    signal_count = models.PositiveIntegerField(_("labelled signals"), default=0)
    # {"main": {"accuracy": …, "categories": {"<id>": {"precision", "recall", "support"}}},
    #  "sub": {…}}: measured on a held-out part of the signals.
    metrics = models.JSONField(_("figures"), default=dict, blank=True)
    # The fitted parameters (vocabulary, idf, coefficients) as an .npz archive.
    parameters = models.BinaryField(_("parameters"), null=True, blank=True)
    seconds = models.FloatField(_("training time (s)"), null=True, blank=True)
    peak_memory_mb = models.FloatField(_("peak memory (MB)"), null=True, blank=True)
    # The one model suggestions come from; a newer ready model replaces it.
    active = models.BooleanField(_("in use"), default=False)

    objects = HeldQuerySet["ClassifierModel"].as_manager()

    class Meta:
        ordering = ["-requested_at", "-pk"]
        verbose_name = _("classification model")
        verbose_name_plural = _("classification models")
        constraints = [
            models.UniqueConstraint(
                fields=["holder"],
                condition=models.Q(active=True),
                name="signals_classifier_one_active",
            )
        ]

    def __str__(self) -> str:
        return _("Model of %(when)s") % {"when": self.requested_at}
