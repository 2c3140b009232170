"""The organisation's customer groups and touchpoints: organisation admins name, order and retire them."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kuulo.lib.views import render_form_page
from kuulo.organisation import actions
from kuulo.organisation.access import org_admin_required
from kuulo.organisation.forms import TermForm
from kuulo.organisation.models import Organisation, Term

ADD_TITLES = {
    Term.Kind.CUSTOMER_GROUP: lambda: _("New customer group"),
    Term.Kind.TOUCHPOINT: lambda: _("New touchpoint"),
}


def _organisation() -> Organisation:
    organisation = Organisation.objects.order_by("pk").first()
    if organisation is None:
        organisation = Organisation.current()
        organisation.save()
    return organisation


@org_admin_required
def term_list(request: HttpRequest) -> HttpResponse:
    """Both vocabularies in their order, retired terms last in each."""
    organisation = Organisation.objects.order_by("pk").first()
    found = Term.objects.filter(organisation=organisation) if organisation else Term.objects.none()
    sections = []
    for kind in Term.Kind:
        of_kind = [term for term in found if term.kind == kind]
        active = [term for term in of_kind if term.retired_at is None]
        sections.append(
            {"kind": kind, "active": active, "retired": [term for term in of_kind if term.retired_at is not None]}
        )
    return render(request, "organisation/term_list.html", {"sections": sections})


@org_admin_required
def term_create(request: HttpRequest, kind: str) -> HttpResponse:
    if kind not in Term.Kind.values:
        raise Http404("No such vocabulary.")
    organisation = _organisation()
    form = TermForm(request.POST or None, organisation=organisation, kind=kind)
    if request.method == "POST" and form.is_valid():
        term = actions.add_term(organisation, kind, **form.cleaned_data)
        messages.success(request, _("“%(name)s” was added.") % {"name": term.name})
        return redirect(reverse("organisation:term_list") + f"#{kind}")
    return render_form_page(
        request,
        form,
        title=ADD_TITLES[Term.Kind(kind)](),
        submit_label=_("Add"),
        cancel_url=reverse("organisation:term_list"),
    )


@org_admin_required
def term_edit(request: HttpRequest, pk: int) -> HttpResponse:
    term = get_object_or_404(Term, pk=pk)
    form = TermForm(request.POST or None, instance=term, organisation=term.organisation, kind=term.kind)
    if request.method == "POST" and form.is_valid():
        form.save()
        actions.terms.forget()
        messages.success(request, _("Your changes were saved."))
        return redirect(reverse("organisation:term_list") + f"#{term.kind}")
    title = _("Edit names: %(name)s") % {"name": term.name or term.code}
    return render_form_page(
        request, form, title=title, submit_label=_("Save changes"), cancel_url=reverse("organisation:term_list")
    )


@require_POST
@org_admin_required
def term_move(request: HttpRequest, pk: int) -> HttpResponse:
    term = get_object_or_404(Term, pk=pk)
    step = {"up": -1, "down": 1}.get(request.POST.get("direction", ""))
    if step is None:
        return HttpResponse(_("Say up or down."), status=400, content_type="text/plain; charset=utf-8")
    actions.move_term(term, step)
    return redirect(reverse("organisation:term_list") + f"#term-{term.pk}")


@require_POST
@org_admin_required
def term_retire(request: HttpRequest, pk: int) -> HttpResponse:
    term = get_object_or_404(Term, pk=pk)
    retire = request.POST.get("retired") == "1"
    actions.retire_term(term, retire)
    if retire:
        messages.success(request, _("“%(name)s” is retired: it is no longer offered.") % {"name": term.name})
    else:
        messages.success(request, _("“%(name)s” is in use again.") % {"name": term.name})
    return redirect(reverse("organisation:term_list") + f"#{term.kind}")
