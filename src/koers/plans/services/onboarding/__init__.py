"""A partner organisation joining an installation that has others already: the organisation,
its first beheerder and its multi-year plan (`organisation_add`), then its colleagues'
accounts from a spreadsheet (`users_import`).

Each runs in one transaction and writes an audit entry per record under the organisation's
own id, so its beheerder reads in her audit log how her organisation came into Koers (the
command line is the actor: none). Bad input raises ValidationError with every problem, in
words that say what to do; nothing is then saved. The directory is shared
(docs/tenancy.md): a record of the same name is used when nobody works in Koers for it yet,
and refused when somebody does.

`organisations` adds the organisation, `users` imports its colleagues, and `_accounts` holds
the account steps both share.
"""

from __future__ import annotations

from koers.plans.services.onboarding.organisations import Onboarding, organisation_add
from koers.plans.services.onboarding.users import NewAccount, users_import

__all__ = ["NewAccount", "Onboarding", "organisation_add", "users_import"]
