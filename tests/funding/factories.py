import datetime as dt
from decimal import Decimal

import factory

from koers.funding.models import Grant, GrantKind, GrantStatus
from tests.directory.factories import FunderFactory, OrganisationFactory


class GrantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Grant
        skip_postgeneration_save = True

    organisation = factory.SubFactory(OrganisationFactory)
    funder = factory.SubFactory(FunderFactory)
    kind = GrantKind.INSTITUTIONAL
    title = factory.Sequence(lambda n: f"Subsidie {n}")
    status = GrantStatus.IDEA
    amount_requested = Decimal("1069937.00")
    starts_on = dt.date(2021, 1, 1)
    ends_on = dt.date(2021, 12, 31)

    @factory.post_generation
    def programmes(self, create, extracted, **kwargs):  # type: ignore[no-untyped-def]
        if create and extracted:
            self.programmes.add(*extracted)
