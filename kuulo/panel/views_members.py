"""Staff pages about panel members: only panel managers (and organisation admins) see them; to
anyone else they do not exist. Each view of a member's contact details is logged."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kuulo import audit
from kuulo.lib.views import render_form_page
from kuulo.organisation.access import visible_services
from kuulo.organisation.models import Organisation
from kuulo.panel import gdpr, rules, signup
from kuulo.panel.access import can_manage_panel, get_member_for_manager, panel_manager_required
from kuulo.panel.forms import ConsentTextForm, ContactPolicyForm, InPersonForm, MemberFilterForm, StaffSegmentsForm
from kuulo.panel.models import ConsentText, ContactAccess, ContactPolicy, MemberEvent, PanelMember, Study


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """The panel's front page for all staff: the studies of their services; for panel managers
    also the members and the rules."""
    manager = can_manage_panel(request.user)
    studies = Study.objects.filter(service__in=visible_services(request.user)).select_related("service")
    context = {
        "manager": manager,
        "studies": studies.order_by("-starts_on")[:50],
        "counts": {
            status: PanelMember.objects.filter(status=status).count()
            for status in (PanelMember.Status.ACTIVE, PanelMember.Status.PENDING, PanelMember.Status.OPTED_OUT)
        }
        if manager
        else {},
        "policy": ContactPolicy.current() if manager else None,
        "consent_text": ConsentText.current() if manager else None,
        "join_url": request.build_absolute_uri(reverse("panel_public:join")),
    }
    return render(request, "panel/home.html", context)


@panel_manager_required
def member_list(request: HttpRequest) -> HttpResponse:
    form = MemberFilterForm(request.GET or {})
    members = form.filter(PanelMember.objects.exclude(status=PanelMember.Status.ERASED))
    members = rules.with_last_participation(members).prefetch_related("self_segments", "staff_segments")
    page = Paginator(members.order_by("name", "pk"), 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    policy = ContactPolicy.current()
    for member in page:
        member.contact_status = rules.contact_status(member, policy)
    context = {"form": form, "page": page, "query": query.urlencode()}
    return render(request, "panel/member_list.html", context)


@panel_manager_required
def member_detail(request: HttpRequest, pk) -> HttpResponse:
    member = get_member_for_manager(request, pk)
    if member.status != PanelMember.Status.ERASED:
        ContactAccess.objects.create(member=member, user=request.user, purpose="member_detail")
        # In the organisation's audit log too, by number only: the log outlives an erasure.
        audit.record(request, "panel.contact_viewed", member=f"#{member.pk}")
    segments_form = StaffSegmentsForm(request.POST or None, instance=member)
    if request.method == "POST" and segments_form.is_valid():
        segments_form.save()
        gdpr.record(member, MemberEvent.Kind.CORRECTED, request.user, _("Segments set by staff"))
        messages.success(request, _("Your changes were saved."))
        return redirect(member)
    context = {
        "member": member,
        "contact_status": rules.contact_status(member),
        "consents": member.consents.select_related("consent_text", "recorded_by"),
        "participations": member.participations.select_related("study__service", "slot"),
        "invitations": member.invitations.select_related("study", "invited_by"),
        "events": member.events.select_related("by"),
        "accesses": member.contact_accesses.select_related("user")[:50],
        "segments_form": segments_form,
        "data": gdpr.member_data(member) if member.status != PanelMember.Status.ERASED else None,
    }
    return render(request, "panel/member_detail.html", context, status=422 if segments_form.errors else 200)


@panel_manager_required
def member_add(request: HttpRequest) -> HttpResponse:
    initial = {"consent_text": ConsentText.current(), "language": "fi", "contact_channel": "email"}
    form = InPersonForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        member = signup.add_in_person(form.cleaned_data, request.user)
        messages.success(request, _("The member was added."))
        return redirect(member)
    return render_form_page(
        request,
        form,
        title=_("Add a member who agreed in person"),
        submit_label=_("Add member"),
        cancel_url=reverse("panel:member_list"),
    )


@require_POST
@panel_manager_required
def member_do_not_contact(request: HttpRequest, pk) -> HttpResponse:
    member = get_member_for_manager(request, pk)
    if member.status in {PanelMember.Status.ACTIVE, PanelMember.Status.OPTED_OUT}:
        PanelMember.objects.filter(pk=member.pk).update(status=PanelMember.Status.DO_NOT_CONTACT)
        gdpr.record(member, MemberEvent.Kind.DO_NOT_CONTACT, request.user)
        messages.success(request, _("The member will not be contacted."))
    return redirect(member)


@require_POST
@panel_manager_required
def member_erase(request: HttpRequest, pk) -> HttpResponse:
    """Erasure on the member's request, recorded with who did it."""
    member = get_member_for_manager(request, pk)
    if member.status != PanelMember.Status.ERASED:
        gdpr.erase(member, by=request.user)
        messages.success(request, _("The member's personal data was erased."))
    return redirect("panel:member_list")


@panel_manager_required
def policy_edit(request: HttpRequest) -> HttpResponse:
    policy = ContactPolicy.current()
    if policy.pk is None:
        policy.organisation = Organisation.objects.get_or_create(defaults={"name_fi": "Kuulo"})[0]
    form = ContactPolicyForm(request.POST or None, instance=policy)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your changes were saved."))
        return redirect("panel:home")
    return render_form_page(
        request, form, title=_("Contact rules"), submit_label=_("Save"), cancel_url=reverse("panel:home")
    )


@panel_manager_required
def consent_create(request: HttpRequest) -> HttpResponse:
    """A new version of the consent text; the old versions stay with the records that name them."""
    current = ConsentText.current()
    initial = {field: getattr(current, field) for field in ("text_fi", "text_sv", "text_en")} if current else {}
    form = ConsentTextForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        text = form.save(commit=False)
        text.organisation = Organisation.objects.get_or_create(defaults={"name_fi": "Kuulo"})[0]
        text.version = (current.version + 1) if current else 1
        text.created_by = request.user
        text.save()
        messages.success(request, _("The new consent text is in use."))
        return redirect("panel:home")
    return render_form_page(
        request, form, title=_("New consent text version"), submit_label=_("Publish"), cancel_url=reverse("panel:home")
    )
