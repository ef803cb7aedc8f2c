import datetime as dt
from decimal import Decimal

import factory

from koers.relations.models import Opportunity, OpportunityStatus
from tests.directory.factories import OrganisationFactory


class OpportunityFactory(factory.django.DjangoModelFactory):
    """A complete opportunity, ready to be sent as a quote. Pass `holder` and `owner`
    (a colleague at the holder); `created_by` defaults to the owner."""

    class Meta:
        model = Opportunity

    organisation = factory.SubFactory(OrganisationFactory, kind="municipality")
    title = factory.Sequence(lambda n: f"Procesbegeleiding netwerk {n}")
    description = "Twee bijeenkomsten met de partners en een verslag."
    hours = Decimal("40.00")
    amount = Decimal("4200.00")
    status = OpportunityStatus.OPPORTUNITY
    created_by = factory.SelfAttribute("owner")
    created_on = dt.date(2021, 4, 1)
