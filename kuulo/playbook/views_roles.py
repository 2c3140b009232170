"""Role guides: what a role does in the loop, its weekly rhythm, its cards and the reader's own open work."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from kuulo.playbook import my_work, tags
from kuulo.playbook.content import text_in
from kuulo.playbook.models import Method, RoleGuide


@require_GET
@login_required
def role_guide_list(request: HttpRequest) -> HttpResponse:
    guides = [
        {"guide": guide, "title": text_in(guide.content, "title"), "summary": text_in(guide.content, "summary")}
        for guide in RoleGuide.objects.all()
        if guide.role in tags.ROLES
    ]
    return render(request, "playbook/role_guide_list.html", {"guides": guides})


@require_GET
@login_required
def role_guide(request: HttpRequest, role: str) -> HttpResponse:
    guide = RoleGuide.objects.filter(role=role).first()
    if guide is None or role not in tags.ROLES:
        raise Http404("No such role guide.")
    by_slug = Method.objects.in_bulk(guide.methods, field_name="slug")
    methods = [
        {"method": by_slug[slug], "summary": text_in(by_slug[slug].content, "summary")}
        for slug in guide.methods
        if slug in by_slug
    ]
    user = request.user
    context = {
        "guide": guide,
        "role_label": tags.ROLES[role],
        "title": text_in(guide.content, "title"),
        "summary": text_in(guide.content, "summary"),
        "loop": text_in(guide.content, "loop"),
        "rhythm": text_in(guide.content, "rhythm"),
        "methods": methods,
        "items": my_work.my_items(user),
        "checkpoints": my_work.my_checkpoints(user),
        "reviews": my_work.my_reviews(user),
        "help_requests": my_work.my_help_requests(user),
    }
    return render(request, "playbook/role_guide.html", context)
