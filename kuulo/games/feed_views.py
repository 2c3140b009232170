"""The celebrations feed and its reactions."""

from django.contrib.auth.decorators import login_required
from django.db import IntegrityError, transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST
from django.views.decorators.vary import vary_on_headers

from kuulo.games.feed import entries_for, find_entry, with_reactions
from kuulo.games.models import Reaction


@login_required
def celebrations(request: HttpRequest) -> HttpResponse:
    return render(request, "games/celebrations.html", {"entries": entries_for(request.user), "kinds": Reaction.Kind})


@require_POST
@login_required
@vary_on_headers("HX-Request")
def react(request: HttpRequest, kind: str, entry_id: int) -> HttpResponse:
    """Adds the person's reaction of a kind to an entry, or takes it back if they had given it."""
    reaction = request.POST.get("reaction", "")
    if reaction not in Reaction.Kind.values:
        return HttpResponse(status=400)
    entry = find_entry(request.user, kind, entry_id)
    if entry is None:
        raise Http404("No such entry.")
    mine = Reaction.objects.filter(user=request.user, entry_kind=kind, entry_id=entry_id, kind=reaction)
    if mine.exists():
        mine.delete()
    else:
        try:
            with transaction.atomic():
                Reaction.objects.create(user=request.user, entry_kind=kind, entry_id=entry_id, kind=reaction)
        except IntegrityError:  # a double click: the first one counted
            pass
    if request.htmx:
        with_reactions([entry], request.user)
        return render(request, "games/_reactions.html", {"entry": entry, "kinds": Reaction.Kind})
    return redirect("games:celebrations")
