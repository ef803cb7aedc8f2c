"""The installation's region for signals: the municipalities a signal may be about. CMO's
client support covers Flevoland and 't Gooi (OCO Wlz Flevoland en 't Gooi), so the setting
`SIGNALS_REGION` lists province codes (PV24) and municipality codes (GM0402) alike."""

from __future__ import annotations

from django.conf import settings
from django.db.models import Q, QuerySet

from koers.core.models import Municipality


def region_condition() -> Q:
    codes = [code.strip().upper() for code in settings.SIGNALS_REGION if code.strip()]
    provinces = [code for code in codes if code.startswith("PV")]
    municipalities = [code for code in codes if code.startswith("GM")]
    return Q(province_code__in=provinces) | Q(code__in=municipalities)


def region_municipalities() -> QuerySet[Municipality]:
    return Municipality.objects.filter(region_condition()).order_by("name")


def in_region(municipality: Municipality) -> bool:
    return region_municipalities().filter(pk=municipality.pk).exists()
