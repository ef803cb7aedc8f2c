"""`koers network_snapshot --year 2021 [--holder ID]`: compute a year's network snapshot of
an atlas here and now (as the worker would), for a first fill or a scheduled run."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from koers.atlas.models import Initiative
from koers.atlas.network.services import snapshot_store


class Command(BaseCommand):
    help = "Compute and store the network analysis of an atlas for one year."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--year", type=int, required=True, help="The year, e.g. 2021.")
        parser.add_argument(
            "--holder",
            type=int,
            help="Id of the organisation keeping the atlas (default: every atlas).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        year = options["year"]
        if not 1900 <= year <= 2200:
            raise CommandError(f"{year} is not a year this atlas can hold.")
        holders = (
            [options["holder"]]
            if options["holder"]
            else sorted(set(Initiative.objects.values_list("holder_id", flat=True)))
        )
        if not holders:
            raise CommandError("No atlas holds any initiatives yet.")
        for holder_id in holders:
            snapshot = snapshot_store(holder_id=holder_id, year=year)
            self.stdout.write(
                f"{holder_id}/{year}: {snapshot.node_count} nodes, {snapshot.tie_count} ties, "
                f"{snapshot.largest_group_share}% in the largest group."
            )
