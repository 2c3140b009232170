"""A notification in words, in the active language (the caller overrides it with the recipient's)."""

import datetime
from collections import defaultdict

from django.utils import formats, timezone
from django.utils.translation import gettext as _


def _when(value: str) -> str:
    """An ISO date or datetime from the params, formatted in the active language."""
    try:
        moment = datetime.datetime.fromisoformat(value)
    except (TypeError, ValueError):
        return value or "–"
    if len(value) <= 10:
        return formats.date_format(moment.date(), "SHORT_DATE_FORMAT")
    if timezone.is_aware(moment):
        moment = timezone.localtime(moment)
    return formats.date_format(moment, "SHORT_DATETIME_FORMAT")


def _fill(template: str, params: dict) -> str:
    values = defaultdict(lambda: "–", {key: str(value) for key, value in params.items()})
    return template % values


def title(notification) -> str:
    kind, params = notification.kind, dict(notification.params or {})
    for name in ("date", "when"):
        if name in params:
            params[name] = _when(params[name])
    if kind == "item_assigned":
        return _fill(_("You were assigned “%(title)s” in %(service)s."), params)
    if kind == "retro_action_created":
        return _fill(_("The retrospective of %(date)s in %(service)s added actions to the backlog."), params)
    if kind == "checkpoint_upcoming":
        return _fill(_("Checkpoint “%(title)s” of the plan %(plan)s: %(when)s"), params)
    if kind == "accessibility_feedback_due":
        if params.get("overdue"):
            return _fill(_("Accessibility feedback #%(number)s is past its deadline, %(date)s. Answer it now."), params)
        return _fill(_("Accessibility feedback #%(number)s must be answered by %(date)s."), params)
    if kind == "help_requested":
        return _fill(_("%(requester)s asks for your help with the method “%(method)s”."), params)
    if kind == "help_answered":
        if params.get("status") == "helped":
            return _fill(_("%(partner)s marked your request for help with “%(method)s” as helped."), params)
        return _fill(_("%(partner)s cannot help with “%(method)s” this time. Ask another sparring partner."), params)
    if kind == "alert":
        return _fill(_alert_title(params.get("alert", "")), _alert_figures(params))
    if kind == "idea_status":
        return _fill(_("An idea you follow, “%(title)s”, has a new status: %(status)s."), params)
    return _("You have a new notification.")


def _alert_figures(params: dict) -> dict:
    """The alert's figures written in the reader's language (they are stored as numbers)."""
    from types import SimpleNamespace

    from kuulo.lib.templatetags.figures import figure, format_number

    rule = params.get("rule")
    for name in ("value", "reference"):
        value = params.get(name)
        if not isinstance(value, int | float):
            continue  # an alert stored before its figures were kept as numbers
        if rule == "count":
            params[name] = format_number(value, 0 if name == "value" else 1)
        elif rule:
            params[name] = figure(value, SimpleNamespace(rule=rule))
    return params


def _alert_title(alert: str) -> str:
    """Names stand first, as labels, so that no sentence needs them inflected."""
    if alert == "below_target":
        return _("%(service)s · %(subject)s: %(value)s, below the target of %(reference)s (%(week)s).")
    if alert == "weekly_drop":
        return _("%(service)s · %(subject)s: fell in a week, %(reference)s → %(value)s (%(week)s).")
    if alert == "negative_spike":
        return _(
            "%(service)s · theme %(subject)s: %(value)s negative comments (%(week)s); "
            "before, %(reference)s a week on average."
        )
    return _("%(service)s: an alert on the figures.")


def subject(notification) -> str:
    kind = notification.kind
    if kind == "item_assigned":
        return _("Kuulo: an item was assigned to you")
    if kind == "retro_action_created":
        return _("Kuulo: new actions from a retrospective")
    if kind == "checkpoint_upcoming":
        return _("Kuulo: a checkpoint is coming up")
    if kind == "accessibility_feedback_due":
        return _("Kuulo: accessibility feedback is waiting for an answer")
    if kind == "help_requested":
        return _("Kuulo: a colleague asks for your help")
    if kind == "help_answered":
        return _("Kuulo: your request for help was answered")
    if kind == "alert":
        return _("Kuulo: an alert on a service's figures")
    if kind == "idea_status":
        return _("Kuulo: news of an idea you follow")
    return _("Kuulo: a new notification")


def email_body(notification, link: str) -> str:
    lines = [title(notification), ""]
    if link:
        lines.append(_("Open it in Kuulo: %(link)s") % {"link": link})
        lines.append("")
    lines.append(_("You get these e-mails because of your notification settings in Kuulo. You can turn them off."))
    return "\n".join(lines)
