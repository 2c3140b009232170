"""The themes of a service: counts, sentiment and trends in a period, and the
staff actions that name, merge and split themes and define rule themes.

Automatic themes are found over every service's comments at once: product
owners name, merge and split them from their service's page. Rule themes
belong to one service, whose product owners manage them, or to every
service (service empty), which only organisation admins manage."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.decorators.vary import vary_on_headers

from kuulo.comments import queries
from kuulo.comments.access import get_theme_for_user, manageable_themes
from kuulo.comments.forms import MergeForm, RuleThemeForm, ThemeFilters, ThemeNameForm, themes_of
from kuulo.comments.models import Theme
from kuulo.lib.views import render_form_page
from kuulo.organisation.access import get_service_for_user
from kuulo.organisation.models import Role


def _actions():
    """The analysis' own actions on themes (kuulo.comments.actions)."""
    from kuulo.comments import actions

    return actions


def themes_url(service) -> str:
    from django.urls import reverse

    return reverse("comments:theme_list", args=[service.pk])


@login_required
@vary_on_headers("HX-Request")
def theme_list(request: HttpRequest, pk: int) -> HttpResponse:
    """Every theme of the service with its count, share, sentiment mix, top terms and trend in the period."""
    service = get_service_for_user(request, pk)
    filters = ThemeFilters(request.GET or None)
    template = "comments/_theme_body.html" if request.htmx else "comments/theme_list.html"
    context = {"service": service, "filters": filters}
    if filters.is_bound and not filters.is_valid():
        return render(request, template, context, status=422)
    period = filters.period_value()
    themes = themes_of(service)
    rows, total = queries.theme_rows(service, themes, period, filters.grain_value())
    query = filters.data.copy() if filters.is_bound else None
    link_query = (
        f"start={period.start:%Y-%m-%d}&end={period.end:%Y-%m-%d}"
        if filters.is_bound and (filters.cleaned_data.get("start") or filters.cleaned_data.get("end"))
        else f"period={(filters.cleaned_data.get('period') if filters.is_bound else '') or '365'}"
    )
    context.update(
        period=period,
        rows=rows,
        total=total,
        charted=[row for row in rows if row.trend],
        link_query=link_query,
        query=query.urlencode() if query is not None else "",
        can_manage=service.can_manage,
        is_admin=request.user.is_org_admin,
    )
    return render(request, template, context)


@login_required
def theme_rename(request: HttpRequest, pk: int, theme_pk: int) -> HttpResponse:
    theme = get_theme_for_user(request, pk, theme_pk)
    service = theme.page_service
    form = ThemeNameForm(request.POST or None, initial=ThemeNameForm.initial_of(theme))
    if request.method == "POST" and form.is_valid():
        _actions().rename_theme(theme, form.names())
        messages.success(request, _("The theme was renamed."))
        return redirect("comments:theme_list", pk=service.pk)
    return render_form_page(
        request,
        form,
        title=_("Rename the theme %(name)s") % {"name": theme.name},
        submit_label=_("Save name"),
        cancel_url=themes_url(service),
    )


@login_required
def theme_merge(request: HttpRequest, pk: int) -> HttpResponse:
    service = get_service_for_user(request, pk, role=Role.PRODUCT_OWNER)
    themes = manageable_themes(request, service).by_name()
    form = MergeForm(request.POST or None, themes=themes)
    if request.method == "POST" and form.is_valid():
        target, others = form.cleaned_data["target"], form.cleaned_data["others"]
        _actions().merge_themes(target, others)
        messages.success(request, _("The themes were merged into %(name)s.") % {"name": target.name})
        return redirect("comments:theme_list", pk=service.pk)
    return render_form_page(
        request, form, title=_("Merge themes"), submit_label=_("Merge"), cancel_url=themes_url(service)
    )


@login_required
def theme_split(request: HttpRequest, pk: int, theme_pk: int) -> HttpResponse:
    """GET asks to confirm; POST splits an automatic theme in two or more."""
    theme = get_theme_for_user(request, pk, theme_pk, kind=Theme.Kind.AUTO)
    service = theme.page_service
    if request.method == "POST":
        parts = _actions().split_theme(theme)
        if parts and len(parts) > 1:
            messages.success(request, _("The theme was split into %(count)s themes.") % {"count": len(parts)})
        else:
            messages.error(request, _("The comments of this theme did not fall into separate groups."))
        return redirect("comments:theme_list", pk=service.pk)
    context = {
        "service": service,
        "theme": theme,
        "title": _("Split the theme %(name)s") % {"name": theme.name},
        "question": _("The comments of this theme are grouped again into two or more new themes."),
        "button": _("Split"),
        "danger": False,
    }
    return render(request, "comments/theme_confirm.html", context)


@login_required
def rule_create(request: HttpRequest, pk: int) -> HttpResponse:
    service = get_service_for_user(request, pk, role=Role.PRODUCT_OWNER)
    form = RuleThemeForm(request.POST or None, allow_everywhere=request.user.is_org_admin)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        _actions().create_rule_theme(
            names=form.names(), terms=data["terms"], service=None if data.get("everywhere") else service
        )
        messages.success(request, _("The rule theme was created."))
        return redirect("comments:theme_list", pk=service.pk)
    return render_form_page(
        request, form, title=_("New rule theme"), submit_label=_("Create"), cancel_url=themes_url(service)
    )


@login_required
def rule_edit(request: HttpRequest, pk: int, theme_pk: int) -> HttpResponse:
    theme = get_theme_for_user(request, pk, theme_pk, kind=Theme.Kind.RULE)
    service = theme.page_service
    initial = RuleThemeForm.initial_of(theme) | {
        "terms": ", ".join(theme.terms or []),
        "everywhere": theme.service_id is None,
    }
    form = RuleThemeForm(request.POST or None, initial=initial, allow_everywhere=request.user.is_org_admin)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        changes = {"names": form.names(), "terms": data["terms"]}
        if "everywhere" in data:
            changes["service"] = None if data["everywhere"] else service
        _actions().update_rule_theme(theme, **changes)
        messages.success(request, _("The rule theme was saved."))
        return redirect("comments:theme_list", pk=service.pk)
    return render_form_page(
        request,
        form,
        title=_("Edit the rule theme %(name)s") % {"name": theme.name},
        submit_label=_("Save"),
        cancel_url=themes_url(service),
    )


@login_required
def rule_delete(request: HttpRequest, pk: int, theme_pk: int) -> HttpResponse:
    theme = get_theme_for_user(request, pk, theme_pk, kind=Theme.Kind.RULE)
    service = theme.page_service
    if request.method == "POST":
        _actions().delete_theme(theme)
        messages.success(request, _("The rule theme was deleted."))
        return redirect("comments:theme_list", pk=service.pk)
    context = {
        "service": service,
        "theme": theme,
        "title": _("Delete the rule theme %(name)s") % {"name": theme.name},
        "question": _("The theme is removed from every comment. The comments stay."),
        "button": _("Delete"),
        "danger": True,
    }
    return render(request, "comments/theme_confirm.html", context)


@login_required
@require_POST
def theme_recluster(request: HttpRequest, pk: int) -> HttpResponse:
    """Finds the automatic themes again in the background."""
    service = get_service_for_user(request, pk, role=Role.PRODUCT_OWNER)
    from kuulo.comments.tasks import recluster_themes

    recluster_themes.enqueue()
    messages.success(request, _("The themes are being found again. This can take a few minutes."))
    return redirect("comments:theme_list", pk=service.pk)
