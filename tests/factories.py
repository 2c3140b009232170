import factory

from kuulo.accounts.models import User
from kuulo.organisation.models import Channel, LifeEvent, Membership, Organisation, Role, Service, Term, Unit

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


class SurveyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "surveys.Survey"

    service = factory.SubFactory(ServiceFactory)
    name = factory.Sequence(lambda n: f"Survey {n}")


class SurveyVersionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "surveys.SurveyVersion"

    survey = factory.SubFactory(SurveyFactory)
    status = "published"
    languages = ["fi", "sv", "en"]
    title_fi = "Kerro kokemuksestasi"
    title_sv = "Berätta om din upplevelse"
    title_en = "Tell us about your experience"
    thank_you_fi = "Kiitos vastauksestasi!"
    thank_you_sv = "Tack för ditt svar!"
    thank_you_en = "Thank you for your answer!"


class CollectionPointFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "surveys.CollectionPoint"

    survey = factory.SubFactory(SurveyFactory)
    kind = "widget"
    name = factory.Sequence(lambda n: f"Collection point {n}")
    allowed_origins = ["https://www.example.fi"]


def published_survey(service=None, codes=("csat", "nps", "umux_lite"), open_question: bool = True, kind="widget"):
    """A published survey version with library metrics and an open question, and a collection point."""
    from kuulo.metrics.models import Metric
    from kuulo.surveys.models import Question

    version = SurveyVersionFactory(survey__service=service or ServiceFactory())
    for position, code in enumerate(codes):
        metric = Metric.objects.get(code=code, version=1)
        Question.objects.create(version=version, position=position, kind="metric", metric=metric)
    if open_question:
        Question.objects.create(
            version=version,
            position=len(codes),
            kind="open",
            text_fi="Mitä voisimme parantaa?",
            text_sv="Vad kunde vi förbättra?",
            text_en="What could we improve?",
            max_length=1000,
        )
    point = CollectionPointFactory(survey=version.survey, kind=kind)
    return version, point


class TermFactory(factory.django.DjangoModelFactory):
    """A customer group by default; `kind=Term.Kind.TOUCHPOINT` for a touchpoint."""

    class Meta:
        model = Term

    organisation = factory.LazyFunction(
        lambda: (
            Organisation.objects.order_by("pk").first()
            or Organisation.objects.create(name_fi="Virasto", name_sv="Verket", name_en="The Agency")
        )
    )
    kind = Term.Kind.CUSTOMER_GROUP
    code = factory.Sequence(lambda n: f"group-{n}")
    name_fi = factory.Sequence(lambda n: f"Ryhmä {n}")
    name_sv = factory.Sequence(lambda n: f"Grupp {n}")
    name_en = factory.Sequence(lambda n: f"Group {n}")
    position = factory.Sequence(lambda n: n)
