from django import template

from kuulo.notifications.actions import unread_count

register = template.Library()


@register.inclusion_tag("notifications/_bell.html", takes_context=True)
def notification_bell(context) -> dict:
    """The header's link to the notifications with the unread count (one COUNT query)."""
    user = context["request"].user
    return {"unread": unread_count(user) if user.is_authenticated else 0, "oob": False}
