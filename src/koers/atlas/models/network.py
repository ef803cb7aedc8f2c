"""The stored network analysis: one snapshot per atlas and year, computed by the task worker
(`koers.atlas.network.tasks`), with a row of figures per node and per tie. Pages, exports
and derived measures read these rows; none of them computes in the request."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class NetworkSnapshot(models.Model):
    holder = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        related_name="atlas_network_snapshots",
        verbose_name=_("kept by"),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    computed_at = models.DateTimeField(_("computed at"))
    node_count = models.PositiveIntegerField(_("nodes"))
    tie_count = models.PositiveIntegerField(_("ties"))
    initiative_count = models.PositiveIntegerField(_("initiatives"))
    isolated_count = models.PositiveIntegerField(_("isolated initiatives"))
    community_count = models.PositiveIntegerField(_("communities"))
    # % of the nodes (initiatives and organisations) in the largest connected group.
    largest_group_share = models.DecimalField(
        _("share in the largest group"), max_digits=5, decimal_places=1
    )
    # Sources sampled to estimate betweenness (0: exact), so the page can say so.
    betweenness_sample = models.PositiveIntegerField(_("betweenness sample"), default=0)
    # {"what_if": [{"count": k, "removed": [node ids], "share": %}], "bridge_count": n}
    fragility = models.JSONField(_("fragility"), default=dict)
    # {"previous_year": y, "new": [[a, b] …], "lost": […], "new_count", "lost_count",
    #  "rank_shifts": [[node, before, now] …]}: node ids as "i12"/"o3" (kept short, capped)
    changes = models.JSONField(_("changes since the year before"), default=dict)
    is_drawn = models.BooleanField(_("drawn"), default=False)

    class Meta:
        ordering = ["holder", "-year"]
        verbose_name = _("network snapshot")
        verbose_name_plural = _("network snapshots")
        constraints = [
            models.UniqueConstraint(fields=["holder", "year"], name="atlas_one_snapshot_a_year")
        ]

    def __str__(self) -> str:
        return f"{self.holder_id}: {self.year}"


class NodeKind(models.TextChoices):
    INITIATIVE = "initiative", _("Initiative")
    ORGANISATION = "organisation", _("Organisation")


class NodeMetric(models.Model):
    """One node of a snapshot: an initiative of the atlas or a directory organisation."""

    # Its `organisation` is the node measured; the record is the snapshot holder's.
    TENANT_PATH = "snapshot__holder"  # whose record it is (koers.core.records)

    snapshot = models.ForeignKey(
        NetworkSnapshot, on_delete=models.CASCADE, related_name="nodes", verbose_name=_("snapshot")
    )
    kind = models.CharField(_("kind"), max_length=12, choices=NodeKind.choices)
    initiative = models.ForeignKey(
        "atlas.Initiative",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="network_figures",
        verbose_name=_("initiative"),
    )
    organisation = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="atlas_network_figures",
        verbose_name=_("organisation"),
    )
    degree = models.PositiveIntegerField(_("ties"))
    betweenness = models.FloatField(_("betweenness"))
    closeness = models.FloatField(_("closeness"))
    community = models.PositiveIntegerField(_("community"))
    is_articulation_point = models.BooleanField(_("articulation point"), default=False)
    rank = models.PositiveIntegerField(_("broker rank"))
    # The drawing's position in the unit square; empty when the network is too large to draw.
    x = models.FloatField(null=True, blank=True)
    y = models.FloatField(null=True, blank=True)

    class Meta:
        ordering = ["snapshot", "rank"]
        verbose_name = _("node figures")
        verbose_name_plural = _("node figures")
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="initiative", initiative__isnull=False, organisation__isnull=True)
                | Q(kind="organisation", initiative__isnull=True, organisation__isnull=False),
                name="atlas_node_one_party",
            ),
        ]
        indexes = [models.Index(fields=["snapshot", "degree"])]

    def __str__(self) -> str:
        return self.node_id

    @property
    def node_id(self) -> str:
        """A stable id across years: "i12" for initiative 12, "o3" for organisation 3."""
        if self.kind == NodeKind.INITIATIVE:
            return f"i{self.initiative_id}"
        return f"o{self.organisation_id}"

    @property
    def party(self) -> object:
        return self.initiative if self.kind == NodeKind.INITIATIVE else self.organisation


class TieMetric(models.Model):
    """One edge of a snapshot: the ties between two nodes active that year, merged."""

    snapshot = models.ForeignKey(
        NetworkSnapshot, on_delete=models.CASCADE, related_name="ties", verbose_name=_("snapshot")
    )
    source = models.ForeignKey(
        NodeMetric, on_delete=models.CASCADE, related_name="+", verbose_name=_("from")
    )
    target = models.ForeignKey(
        NodeMetric, on_delete=models.CASCADE, related_name="+", verbose_name=_("to")
    )
    kinds = models.CharField(_("kinds"), max_length=120)  # TieKind values, comma-separated
    themes = models.CharField(_("themes"), max_length=300, blank=True)  # theme names
    since = models.DateField(_("since"))
    is_bridge = models.BooleanField(_("bridge"), default=False)

    class Meta:
        ordering = ["snapshot", "pk"]
        verbose_name = _("tie figures")
        verbose_name_plural = _("tie figures")

    def __str__(self) -> str:
        return f"{self.source_id}–{self.target_id}"
