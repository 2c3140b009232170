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
