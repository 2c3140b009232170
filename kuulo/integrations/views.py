"""The Jira connection of a service (product owners) and sending an item to Jira (team)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

import kuulo.audit as audit
from kuulo.backlog.access import get_item_for_user
from kuulo.integrations.access import get_jira_config_for_user
from kuulo.integrations.forms import JiraConfigForm
from kuulo.integrations.jira import Client, JiraError, error_text
from kuulo.integrations.models import JiraConfig, JiraLink
from kuulo.integrations.sync import send_item
from kuulo.integrations.tasks import sync_jira
from kuulo.organisation.access import get_service_for_user
from kuulo.organisation.models import Role


def _page(request, service, form, *, test_result=None, status=200) -> HttpResponse:
    config = getattr(service, "jira_config", None) if form.instance.pk else None
    last_error = config.last_error if config else ""
    if last_error == "token_unreadable" and config.credential_state == "unreadable":
        last_error = ""  # the token's own line already says it
    context = {
        "service": service,
        "form": form,
        "config": config,
        "test_result": test_result,
        "error_text": error_text(last_error) if last_error else "",
        "link_count": JiraLink.objects.filter(item__service=service).count(),
    }
    return render(request, "integrations/jira_settings.html", context, status=422 if form.errors else status)


@sensitive_post_parameters("api_token")
@login_required
def jira_settings(request: HttpRequest, pk: int) -> HttpResponse:
    service = get_service_for_user(request, pk, role=Role.PRODUCT_OWNER)
    config = JiraConfig.objects.filter(service=service).first() or JiraConfig(service=service)
    form = JiraConfigForm(request.POST or None, instance=config)
    if request.method == "POST" and form.is_valid():
        config = form.save(commit=False)
        config.updated_by = request.user
        with transaction.atomic():
            config.save()
            changed = [name for name in form.changed_data if name != "api_token"]
            token_changed = "api_token" in form.changed_data
            audit.record(request, "integration.changed", config, changed=changed, token_changed=token_changed)
        messages.success(request, _("The Jira settings were saved."))
        return redirect("integrations:jira_settings", pk=service.pk)
    return _page(request, service, form)


@login_required
@require_POST
def jira_test(request: HttpRequest, pk: int) -> HttpResponse:
    """Asks Jira who the saved account is (GET /rest/api/3/myself) and says the answer in words."""
    service = get_service_for_user(request, pk, role=Role.PRODUCT_OWNER)
    config = JiraConfig.objects.filter(service=service).first()
    if config is None:
        messages.error(request, _("Save the settings first, then test the connection."))
        return redirect("integrations:jira_settings", pk=service.pk)
    try:
        me = Client.for_config(config).myself()
    except JiraError as error:
        result = {"ok": False, "text": error.text}
    else:
        name = me.get("displayName") or me.get("emailAddress") or me.get("accountId", "?")
        result = {"ok": True, "text": _("Connected. Jira knows this account as %(name)s.") % {"name": name}}
    return _page(request, service, JiraConfigForm(instance=config), test_result=result)


@login_required
@require_POST
def jira_sync(request: HttpRequest, pk: int) -> HttpResponse:
    config = get_jira_config_for_user(request, pk)
    service = config.service
    if not config.enabled:
        messages.error(request, _("Jira is not in use for this service. Turn it on first."))
    else:
        sync_jira.enqueue(service.pk)
        messages.success(request, _("The statuses are being read from Jira."))
    return redirect("integrations:jira_settings", pk=service.pk)


@login_required
@require_POST
def jira_send(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    item = get_item_for_user(request, pk, item_pk, role=Role.TEAM_MEMBER)
    service = item.service
    config = JiraConfig.objects.filter(service=service, enabled=True).first()
    if config is None:
        messages.error(request, _("Jira is not in use for this service."))
    elif JiraLink.objects.filter(item=item).exists():
        messages.info(request, _("This item is already in Jira."))
    else:
        try:
            link = send_item(item, config)
        except JiraError as error:
            messages.error(request, _("The item was not sent to Jira: %(reason)s") % {"reason": error.text})
        else:
            messages.success(request, _("Sent to Jira as %(key)s.") % {"key": link.key})
    return redirect("backlog:item_detail", pk=service.pk, item_pk=item.pk)
