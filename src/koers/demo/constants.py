"""What every part of the demo build shares: the demo's year, the day it pretends is today,
the password of its users and the organisation it is about. The builder and the modules it
calls import these from here, so none of them imports the builder back."""

from __future__ import annotations

import datetime as dt

DEMO_PASSWORD = "koers-demo-2021"
REFERENCE_DATE = dt.date(2021, 10, 15)
DEMO_YEAR = 2021
# The slug of the organisation the demo is about (CMO Flevoland), in the directory.
OWN = "cmo-flevoland"
