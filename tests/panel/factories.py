import datetime

import factory
from django.utils import timezone

from kuulo.organisation.models import Organisation
from kuulo.panel.models import ConsentRecord, ConsentText, Invitation, PanelMember, Segment, Slot, Study
from tests.factories import ServiceFactory


def organisation() -> Organisation:
    return Organisation.objects.first() or Organisation.objects.create(
        name_fi="Testikaupunki", name_sv="Teststad", name_en="Test City"
    )


class ConsentTextFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ConsentText

    organisation = factory.LazyFunction(organisation)
    version = factory.Sequence(lambda n: n + 1)
    text_fi = "Suostun siihen, että minuun otetaan yhteyttä tutkimuksia varten."
    text_sv = "Jag samtycker till att bli kontaktad för studier."
    text_en = "I agree to be contacted for studies."


class SegmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Segment

    name_fi = factory.Sequence(lambda n: f"Ryhmä {n}")
    name_sv = factory.Sequence(lambda n: f"Grupp {n}")
    name_en = factory.Sequence(lambda n: f"Group {n}")


class MemberFactory(factory.django.DjangoModelFactory):
    """An active member with a valid consent."""

    class Meta:
        model = PanelMember
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Member Person {n}")
    email = factory.Sequence(lambda n: f"member{n}@example.org")
    language = "fi"
    status = PanelMember.Status.ACTIVE
    confirmed_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def consent(self, create, extracted, **kwargs):
        if create and extracted is not False:
            text = ConsentText.current() or ConsentTextFactory()
            ConsentRecord.objects.create(member=self, consent_text=text, method=ConsentRecord.Method.ONLINE)


class StudyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Study

    service = factory.SubFactory(ServiceFactory)
    kind = Study.Kind.INTERVIEW
    title_fi = factory.Sequence(lambda n: f"Haastattelu {n}")
    title_sv = factory.Sequence(lambda n: f"Intervju {n}")
    title_en = factory.Sequence(lambda n: f"Interview {n}")
    description_en = "We want to hear how moving house went."
    starts_on = factory.LazyFunction(lambda: timezone.localdate())
    ends_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=30))
    status = Study.Status.RECRUITING
    reward = Study.Reward.GIFT_CARD
    reward_value = 20
    budget = 200


class SlotFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Slot

    study = factory.SubFactory(StudyFactory)
    starts_at = factory.Sequence(lambda n: timezone.now() + datetime.timedelta(days=3, hours=n))
    location = "Town hall, room 2"


class InvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Invitation

    study = factory.SubFactory(StudyFactory)
    member = factory.SubFactory(MemberFactory)
    status = Invitation.Status.SENT
    sent_at = factory.LazyFunction(timezone.now)
