"""Demo data for Koers, taken from the seed documents in shared/seeds/.

Sources (line numbers are approximate and refer to the seed text files):

- 001_be9950245f765e5a.txt: Mededeling aan PS (r. 1-110), Meerjarenplan 2021-2024
  (r. 111-2237, "MJP") and Jaarplan 2021 (r. 2239-4568, "JP2021").
- 004_ff36bd477476196f.txt: presentatie Krachtige Samenleving (10 juni 2020).

Dutch texts are quoted from the seeds; only line-break hyphenation has been repaired.
Spelling slips in the seeds are kept as they are. Means of verification ("verification")
are not given in the seeds; they are short descriptions of the obvious evidence.

One module per programme (a programme's longest line or list of activities in modules of
their own, to keep each readable), the funders' goals and the plan in `goals`, the
organisation-wide indicators in `organisation`.
"""

from typing import Any

from koers.demo.seed_data.goals import FUNDER_GOALS, PLAN
from koers.demo.seed_data.organisation import ORGANISATION_INDICATORS
from koers.demo.seed_data.programme_ao import PROGRAMME as ARBEIDSMARKT_EN_ONDERWIJS
from koers.demo.seed_data.programme_pg import PROGRAMME as POSITIEVE_GEZONDHEID
from koers.demo.seed_data.programme_vi import PROGRAMME as VERSTERKEN_VAN_INWONERS

# In the order of the multi-year plan's chapters.
PROGRAMMES: list[dict[str, Any]] = [
    POSITIEVE_GEZONDHEID,
    ARBEIDSMARKT_EN_ONDERWIJS,
    VERSTERKEN_VAN_INWONERS,
]

__all__ = ["FUNDER_GOALS", "ORGANISATION_INDICATORS", "PLAN", "PROGRAMMES"]
