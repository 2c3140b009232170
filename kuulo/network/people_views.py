"""The people and skills directory: "who knows effect mapping in the Tax unit", and one's own entry."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Prefetch, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from kuulo.network.access import staff_required
from kuulo.network.people_forms import PeopleSearchForm, ProfileForm
from kuulo.network.people_models import PersonProfile, SkillTag
from kuulo.organisation.models import Unit


@require_GET
@staff_required
def people(request: HttpRequest) -> HttpResponse:
    form = PeopleSearchForm(request.GET or None)
    profiles = PersonProfile.objects.filter(user__is_active=True, user__guest_profile__isnull=True)
    if form.is_valid():
        if words := form.cleaned_data.get("q"):
            profiles = profiles.filter(Q(tags__name__icontains=words) | Q(tags__slug__icontains=words)).distinct()
        if unit := form.cleaned_data.get("unit"):
            profiles = profiles.filter(units=unit)
    profiles = (
        profiles.select_related("user")
        .prefetch_related(Prefetch("tags", queryset=SkillTag.objects.order_by("kind", "name")), "units")
        .order_by("user__last_name", "user__first_name", "user__username")
    )
    page = Paginator(profiles, 50).get_page(request.GET.get("page"))
    return render(request, "network/people.html", {"form": form, "page": page})


@staff_required
def my_profile(request: HttpRequest) -> HttpResponse:
    profile, _created = PersonProfile.objects.get_or_create(user=request.user)
    initial = {
        "units": profile.units.all(),
        "about": profile.about,
        "skills": ", ".join(t.name for t in profile.tags.filter(kind=SkillTag.Kind.SKILL)),
        "methods": ", ".join(t.name for t in profile.tags.filter(kind=SkillTag.Kind.METHOD)),
    }
    form = ProfileForm(request.POST or None, initial=initial)
    form.fields["units"].queryset = Unit.objects.order_by("name_fi")
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        profile.about = data["about"]
        profile.save(update_fields=["about"])
        profile.units.set(data["units"])
        profile.tags.set(
            SkillTag.named(SkillTag.Kind.SKILL, data["skills"]) + SkillTag.named(SkillTag.Kind.METHOD, data["methods"])
        )
        messages.success(request, _("Your entry in the directory was saved."))
        return redirect("network:people")
    return render(request, "network/my_profile.html", {"form": form}, status=422 if form.errors else 200)
