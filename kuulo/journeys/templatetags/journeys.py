from django import template
from django.template.defaultfilters import linebreaksbr

register = template.Library()


@register.simple_tag
def emotion_of(step, persona):
    """The persona's emotion at the step (−2…+2), or None when not assessed."""
    return step.emotion_of.get(persona.pk)


@register.simple_tag
def lane_value(step, lane: str) -> str:
    """One lane of a step as text for the visual view (line breaks kept, escaped)."""
    if lane == "channel":
        return step.get_channel_display()
    return linebreaksbr(getattr(step, lane), autoescape=True)
