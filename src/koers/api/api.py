"""The API as one object: its frame (koers.api.base) with the routers of each scope."""

from __future__ import annotations

from koers.api.base import KoersApi
from koers.api.endpoints import plans, portfolio, reports, statistics

api = KoersApi()
api.add_router("", plans.router)
api.add_router("", reports.router)
api.add_router("", portfolio.router)
api.add_router("", statistics.router)
