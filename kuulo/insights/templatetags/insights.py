from django import template
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kuulo.insights import queries
from kuulo.insights.models import Insight
from kuulo.lib.evidence_links import Choice, EvidenceLinks, Linked, LinkPanel, evidence_links
from kuulo.organisation.access import has_role
from kuulo.organisation.models import Role

register = template.Library()

COMMENT_INSIGHTS = LinkPanel(
    box="comment-insights",
    menu="comment-insight",
    source="comment",
    target="insight",
    heading=_("Evidence for:"),
    label=_("Add as evidence to"),
    new_label=_("A new insight from this comment"),
)


@register.simple_tag(takes_context=True)
def comment_insights(context, comment, service) -> EvidenceLinks:
    """What `insights/_comment_insights.html` shows for one comment of `service`.

    The linked insights come from, in this order: `insights_by_comment` in the context,
    `comment.insights` set by the caller (both from `insights_for_comments`, one query for
    a whole list), or one query for this comment. The menu's insights are read once per
    request and service; `can_link_insights` in the context overrides the role check, and
    `link_form` (a bound LinkCommentForm) gives the menu's error.
    """
    request = context.get("request")
    by_comment = context.get("insights_by_comment")
    if by_comment is not None:
        linked = by_comment.get(comment.pk, [])
    elif hasattr(comment, "insights"):
        linked = comment.insights
    else:
        linked = queries.insights_for_comments([comment.pk]).get(comment.pk, [])
    cache = request.__dict__.setdefault("_comment_insights", {}) if request is not None else {}
    choices = context.get("service_insights")
    if choices is None:
        if ("choices", service.pk) not in cache:
            cache[("choices", service.pk)] = queries.insight_choices(service)
        choices = cache[("choices", service.pk)]
    can_link = context.get("can_link_insights")
    if can_link is None:
        if ("can_link", service.pk) not in cache:
            cache[("can_link", service.pk)] = request is not None and has_role(request.user, service, Role.TEAM_MEMBER)
        can_link = cache[("can_link", service.pk)]

    def link(insight) -> Linked:
        return Linked(
            url=reverse("insights:insight_detail", args=[service.pk, insight.pk]),
            text=insight.statement,
            status=insight.status,
            status_display=insight.get_status_display(),
            remove_url=reverse("insights:comment_evidence_remove", args=[service.pk, insight.pk, insight.evidence_id]),
        )

    def choice(insight) -> Choice:
        archived = insight.get_status_display() if insight.status == Insight.Status.ARCHIVED else ""
        return Choice(pk=insight.pk, text=insight.statement, note=archived)

    return evidence_links(
        COMMENT_INSIGHTS,
        comment,
        list(linked),
        choices,
        link=link,
        choice=choice,
        can_link=can_link,
        add_url=reverse("insights:link_comment", args=[service.pk]),
        form=context.get("link_form"),
    )
