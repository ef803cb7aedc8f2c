"""What every part of the demo build shares: the demo's year, the day it pretends is today
and the password of its users. The builder and the modules it calls import these from here,
so none of them imports the builder back."""

from __future__ import annotations

import datetime as dt

DEMO_PASSWORD = "koers-demo-2021"
REFERENCE_DATE = dt.date(2021, 10, 15)
DEMO_YEAR = 2021
