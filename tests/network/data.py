"""An idea touching a service, and args builders for tests/pages.py and tests/actions.py."""

from django.core.files.uploadedfile import SimpleUploadedFile

from kuulo.network import actions
from kuulo.network.models import Idea
from tests.factories import UserFactory


def idea_for(service, author=None, **fields) -> Idea:
    author = author or UserFactory()
    idea = actions.post_idea(
        author,
        title=fields.pop("title", "Lomakkeen esitäyttö"),
        description=fields.pop("description", "Täytetään tiedot, jotka meillä jo on."),
        services=[service],
        files=fields.pop("files", ()),
    )
    if fields:
        Idea.objects.filter(pk=idea.pk).update(**fields)
        idea.refresh_from_db()
    return idea


def idea_args(service) -> list:
    idea = Idea.objects.filter(services=service).first() or idea_for(service)
    return [idea.pk]


def attachment_args(service) -> list:
    idea = idea_for(service, files=[SimpleUploadedFile("luonnos.txt", b"sketch", content_type="text/plain")])
    return [idea.pk, idea.attachments.get().pk]


def open_public_board(service=None) -> list:
    from kuulo.network.models import PublicBoard, PublicIdea

    PublicBoard.objects.update_or_create(pk=1, defaults={"enabled": True})
    PublicIdea.objects.create(
        title="Ajanvaraus", description="Tekstiviestimuistutus.", language="fi", status="published"
    )
    return []


def pending_public_idea(service) -> list:
    from kuulo.network.models import PublicIdea

    return [PublicIdea.objects.create(title="Odottaa", description="Tarkastettava.", language="sv").pk]


def swarm_for(service, facilitator=None):
    import datetime

    from django.utils import timezone

    from kuulo.network.swarm_models import Swarm, SwarmMeeting
    from tests.factories import UnitFactory

    facilitator = facilitator or UserFactory()
    swarm = Swarm.objects.create(
        title="Muuttajan polku",
        challenge="Muuttaja asioi kolmessa yksikössä.",
        goal="Yksi yhteinen ohje.",
        facilitator=facilitator,
        starts_on=datetime.date(2026, 11, 1),
        ends_on=datetime.date(2027, 1, 31),
    )
    swarm.units.set([service.unit, UnitFactory()])
    swarm.members.add(facilitator)
    SwarmMeeting.objects.create(swarm=swarm, starts_at=timezone.now() + datetime.timedelta(days=3), location="Teams")
    return swarm


def community_for(facilitator=None):
    import datetime

    from django.utils import timezone

    from kuulo.network.swarm_models import Community

    facilitator = facilitator or UserFactory()
    community = Community.objects.create(
        name="Palvelumuotoilijat",
        description="Opitaan yhdessä.",
        facilitator=facilitator,
        first_meetup=timezone.now() - datetime.timedelta(days=45),
        frequency="MONTHLY",
    )
    community.members.add(facilitator)
    return community


def swarm_args(service) -> list:
    from kuulo.network.swarm_models import Swarm

    swarm = Swarm.objects.first() or swarm_for(service)
    return [swarm.pk]


def community_args(service) -> list:
    from kuulo.network.swarm_models import Community

    community = Community.objects.first() or community_for()
    return [community.pk]
