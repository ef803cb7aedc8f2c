import factory

from koers.core.models import Municipality
from koers.directory.models import Organisation, OrganisationKind, Person


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Municipality
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"GM{n:04d}")
    name = factory.Sequence(lambda n: f"Gemeente {n}")
    slug = factory.Sequence(lambda n: f"gemeente-{n}")


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisatie {n}")
    slug = factory.Sequence(lambda n: f"organisatie-{n}")
    kind = OrganisationKind.OWN


class FunderFactory(OrganisationFactory):
    kind = OrganisationKind.PROVINCE


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    holder = factory.SubFactory(OrganisationFactory)
    first_name = "Anna"
    last_name = factory.Sequence(lambda n: f"Jansen {n}")
    email = factory.Sequence(lambda n: f"persoon{n}@voorbeeld.nl")
    purpose = "Contactpersoon voor het programma"
