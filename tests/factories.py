import factory

from kuulo.accounts.models import User
from kuulo.organisation.models import Channel, LifeEvent, Membership, Role, Service, Unit

PASSWORD = "correct-horse-battery"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Faker("first_name", locale="fi_FI")
    last_name = factory.Faker("last_name", locale="fi_FI")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    language = "fi"
    password = factory.django.Password(PASSWORD)


class AdminFactory(UserFactory):
    is_superuser = True
    is_staff = True


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unit

    name_fi = factory.Sequence(lambda n: f"Yksikkö {n}")
    name_sv = factory.Sequence(lambda n: f"Enhet {n}")
    name_en = factory.Sequence(lambda n: f"Unit {n}")


class LifeEventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LifeEvent

    name_fi = factory.Sequence(lambda n: f"Elämäntapahtuma {n}")
    name_sv = factory.Sequence(lambda n: f"Livshändelse {n}")
    name_en = factory.Sequence(lambda n: f"Life event {n}")


class ServiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Service

    unit = factory.SubFactory(UnitFactory)
    slug = factory.Sequence(lambda n: f"service-{n}")
    name_fi = factory.Sequence(lambda n: f"Palvelu {n}")
    name_sv = factory.Sequence(lambda n: f"Tjänst {n}")
    name_en = factory.Sequence(lambda n: f"Service {n}")
    channels = [Channel.WEB.value, Channel.PHONE.value]


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    service = factory.SubFactory(ServiceFactory)
    role = Role.TEAM_MEMBER
