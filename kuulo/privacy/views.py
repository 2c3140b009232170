"""Data protection pages for organisation admins: the records of processing with the retention
policy, and a staff user's personal data (export as JSON, erasure)."""

import json

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

import kuulo.audit as audit
from kuulo.exports.models import KEEP_FOR
from kuulo.lib.views import render_form_page
from kuulo.organisation.access import org_admin_required
from kuulo.privacy import retention
from kuulo.privacy.forms import RetentionPolicyForm
from kuulo.privacy.people import erase, personal_data


@org_admin_required
def processing(request: HttpRequest) -> HttpResponse:
    """What Kuulo stores, why and for how long, from the settings and the retention policy."""
    context = {
        "policy": retention.policy(),
        "audit_days": settings.KUULO_AUDIT_RETENTION_DAYS,
        "export_days": KEEP_FOR.days,
        "cooloff_minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
        "users": get_user_model().objects.filter(is_active=True).order_by("last_name", "first_name"),
    }
    return render(request, "privacy/processing.html", context)


@org_admin_required
def retention_edit(request: HttpRequest) -> HttpResponse:
    policy = retention.editable_policy()
    form = RetentionPolicyForm(request.POST or None, instance=policy)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            policy = form.save(commit=False)
            policy.updated_by = request.user
            policy.save()
            audit.record(request, "retention.changed", policy, comment_text_months=policy.comment_text_months)
        messages.success(request, _("The retention policy was saved."))
        return redirect("privacy:processing")
    return render_form_page(
        request,
        form,
        title=_("Retention of customers' free text"),
        submit_label=_("Save changes"),
        cancel_url=reverse("privacy:processing"),
    )


@org_admin_required
def user_data(request: HttpRequest, pk: int) -> HttpResponse:
    """Everything Kuulo holds on a staff user, as a JSON file; the export is audited."""
    user = get_object_or_404(get_user_model(), pk=pk)
    with transaction.atomic():
        audit.record(request, "user.data_exported", user)
    body = json.dumps(personal_data(user), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="kuulo-user-{user.pk}.json"'
    return response


@org_admin_required
def user_erase(request: HttpRequest, pk: int) -> HttpResponse:
    user = get_object_or_404(get_user_model(), pk=pk, is_active=True)
    if user == request.user:
        messages.error(request, _("You cannot erase your own account."))
        return redirect("privacy:processing")
    if request.method == "POST":
        erase(user, request)
        messages.success(request, _("The user's personal data was erased."))
        return redirect("privacy:processing")
    return render(request, "privacy/user_erase.html", {"erased": user})
