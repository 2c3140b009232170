"""Organisation admins open or close the public idea board and moderate customers' ideas: nothing a
customer posts is public before it is published here."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kuulo.feedback.abuse import describe_suspect_reason
from kuulo.network.models import PublicBoard, PublicIdea
from kuulo.network.public_forms import PublicBoardForm
from kuulo.organisation.access import org_admin_required


@org_admin_required
def moderation(request: HttpRequest) -> HttpResponse:
    board = PublicBoard.current()
    form = PublicBoardForm(request.POST if request.method == "POST" else None, initial={"enabled": board.enabled})
    if request.method == "POST" and form.is_valid():
        board.enabled = form.cleaned_data["enabled"]
        board.save(update_fields=["enabled"])
        messages.success(
            request, _("The public idea board is open.") if board.enabled else _("The public idea board is closed.")
        )
        return redirect("network:moderation")
    pending = list(PublicIdea.objects.filter(status=PublicIdea.Status.PENDING).order_by("received_at", "pk"))
    for idea in pending:
        idea.suspect_text = describe_suspect_reason(idea.suspect_reason) if idea.suspect_reason else ""
    recent = PublicIdea.objects.exclude(status=PublicIdea.Status.PENDING).order_by("-moderated_at", "-pk")[:50]
    context = {"form": form, "board": board, "pending": pending, "recent": recent}
    return render(request, "network/moderation.html", context)


@require_POST
@org_admin_required
def moderate(request: HttpRequest, pk: int) -> HttpResponse:
    idea = get_object_or_404(PublicIdea, pk=pk)
    decision = request.POST.get("decision")
    if decision not in (PublicIdea.Status.PUBLISHED, PublicIdea.Status.REJECTED):
        messages.error(request, _("Choose to publish or to reject the idea."))
        return redirect("network:moderation")
    idea.status, idea.moderated_by, idea.moderated_at = decision, request.user, timezone.now()
    idea.save(update_fields=["status", "moderated_by", "moderated_at"])
    if decision == PublicIdea.Status.PUBLISHED:
        messages.success(request, _("The idea is published on the public idea board."))
    else:
        messages.success(request, _("The idea was rejected. It is not shown to anyone outside the staff."))
    return redirect("network:moderation")
