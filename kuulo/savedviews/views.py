"""Saving, listing and deleting the named filters of a service's dashboard and comments page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kuulo.organisation.access import get_service_for_user
from kuulo.savedviews.access import get_own_view_for_user, visible_views
from kuulo.savedviews.forms import SavedViewForm
from kuulo.savedviews.models import SavedView


@login_required
def view_list(request: HttpRequest, pk: int) -> HttpResponse:
    """The user's saved views of the service and the ones its members shared, by page."""
    service = get_service_for_user(request, pk)
    views = list(visible_views(request.user, service))
    pages = [(label, [view for view in views if view.page == page]) for page, label in SavedView.Page.choices]
    return render(request, "savedviews/view_list.html", {"service": service, "pages": pages})


@require_POST
@login_required
def view_save(request: HttpRequest, pk: int) -> HttpResponse:
    """Any member saves the filters they see under a name; a view with errors answers 422."""
    service = get_service_for_user(request, pk)
    form = SavedViewForm(request.POST, service=service, owner=request.user)
    if form.is_valid():
        view = form.save()
        messages.success(request, _("The view was saved."))
        return redirect(view.get_absolute_url())
    context = {"service": service, "form": form}
    return render(request, "savedviews/view_error.html", context, status=422)


@require_POST
@login_required
def view_delete(request: HttpRequest, pk: int, view_pk: int) -> HttpResponse:
    view = get_own_view_for_user(request, pk, view_pk)
    view.delete()
    messages.success(request, _("The view was deleted."))
    return redirect("savedviews:view_list", pk=pk)
