"""Comments and segments as evidence, added and removed from either end."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from kuulo.feedback.models import Comment
from kuulo.insights.models import Insight, SegmentEvidence
from kuulo.insights.queries import segment_evidence
from kuulo.metrics.models import Metric
from kuulo.traceability.actions import link
from kuulo.traceability.models import Link
from kuulo.traceability.panel import Prefetch
from kuulo.traceability.queries import targets
from tests.factories import ServiceFactory
from tests.insights.pages import answered, insight_with_evidence


def linked_comment(insight) -> Comment:
    """The one comment that is evidence for the insight."""
    return Comment.objects.get(pk=Link.objects.incoming(insight, "comment").get().source_id)


def remove_url(service, insight, comment) -> str:
    return reverse("traceability:unlink", args=[service.pk, "comment", comment.pk, "insight", insight.pk])


@pytest.fixture
def insight(service):
    return insight_with_evidence(service)


def link_url(service):
    return reverse("traceability:link", args=[service.pk, "comment", "insight"])


def test_team_member_adds_a_comment_to_an_insight(client_as, service, insight):
    second = answered(service, count=1)[-1]
    response = client_as("team_member").post(
        link_url(service), {"comment": second.pk, "insight": insight.pk, "note": "Sama ilmiö"}
    )
    assert response.status_code == 302
    assert response["Location"] == insight.get_absolute_url()
    found = Link.objects.between(second, insight).get()
    assert (found.note, found.added_by.username) == ("Sama ilmiö", "team")


def test_adding_the_same_comment_twice_keeps_one_link(client_as, service, insight):
    comment = linked_comment(insight)
    client_as("team_member").post(link_url(service), {"comment": comment.pk, "insight": insight.pk})
    assert Link.objects.between(comment, insight).count() == 1


def test_a_comment_of_another_service_is_refused(client_as, service, insight):
    elsewhere = answered(ServiceFactory(), count=1)[0]
    response = client_as("admin").post(link_url(service), {"comment": elsewhere.pk, "insight": insight.pk})
    assert response.status_code == 404
    assert not Link.objects.outgoing(elsewhere).exists()


def test_an_insight_of_another_service_is_refused(client_as, service):
    comment = answered(service, count=1)[-1]
    foreign = Insight.objects.create(service=ServiceFactory(), statement="Muualla")
    response = client_as("admin").post(link_url(service), {"comment": comment.pk, "insight": foreign.pk})
    assert response.status_code == 404
    assert not Link.objects.pair("comment", "insight").exists()


def test_viewer_cannot_add_or_remove_evidence(client_as, service, insight):
    comment = answered(service, count=1)[-1]
    client = client_as("viewer")
    assert client.post(link_url(service), {"comment": comment.pk, "insight": insight.pk}).status_code == 403
    remove = remove_url(service, insight, linked_comment(insight))
    assert client.post(remove).status_code == 403
    assert Link.objects.pair("comment", "insight").count() == 1


def test_new_insight_from_a_comment_goes_through_the_form_and_links_it(client_as, service):
    comment = answered(service, count=1)[-1]
    client = client_as("team_member")
    response = client.post(link_url(service), {"comment": comment.pk, "insight": "new"})
    create = reverse("insights:insight_create", args=[service.pk]) + f"?comment={comment.pk}"
    assert response["Location"] == create
    page = client.get(create)
    assert comment.text.encode() in page.content
    client.post(create, {"statement": "Jonot ovat pitkiä.", "status": "draft", "tags": "", "comment": comment.pk})
    insight = Insight.objects.get()
    assert list(Link.objects.incoming(insight, "comment").values_list("source_id", flat=True)) == [comment.pk]


def test_new_insight_from_another_services_comment_is_404(client_as, service):
    elsewhere = answered(ServiceFactory(), count=1)[0]
    url = reverse("insights:insight_create", args=[service.pk]) + f"?comment={elsewhere.pk}"
    assert client_as("admin").get(url).status_code == 404
    assert client_as("admin").post(url, {"statement": "x", "status": "draft"}).status_code == 404
    assert client_as("admin").get(url.replace(str(elsewhere.pk), "abc")).status_code == 404
    assert not Insight.objects.exists()


def test_from_the_panel_htmx_gets_the_comments_fragment_back(client_as, service, insight):
    comment = answered(service, count=1)[-1]
    client = client_as("team_member")
    response = client.post(
        link_url(service), {"comment": comment.pk, "insight": insight.pk}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    assert f'id="comment-insights-{comment.pk}"'.encode() in response.content
    assert insight.get_absolute_url().encode() in response.content
    assert Link.objects.between(comment, insight).exists()
    remove = remove_url(service, insight, comment)
    removed = client.post(remove, {"panel": "1"}, headers={"HX-Request": "true"})
    assert removed.status_code == 200
    assert f'href="{insight.get_absolute_url()}"'.encode() not in removed.content
    new = client.post(link_url(service), {"comment": comment.pk, "insight": "new"}, headers={"HX-Request": "true"})
    assert new["HX-Redirect"].endswith(f"?comment={comment.pk}")


def test_from_the_panel_a_missing_choice_answers_422_with_the_fragment(client_as, service, insight):
    comment = answered(service, count=1)[-1]
    response = client_as("team_member").post(
        link_url(service), {"comment": comment.pk, "insight": ""}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 422
    assert b'aria-invalid="true"' in response.content
    assert not Link.objects.outgoing(comment).exists()


def test_insights_for_comments_is_one_query(service, insight, django_assert_num_queries):
    comments = answered(service, count=3)
    other = Insight.objects.create(service=service, statement="Toinen")
    link(comments[0], other, None)
    with django_assert_num_queries(1):
        found = targets("comment", [comment.pk for comment in comments], "insight")
        [insight.statement for insights in found.values() for insight in insights]
    assert found[comments[0].pk] == [insight, other]
    assert comments[1].pk not in found


def test_include_lists_a_comments_insights_and_offers_the_others(rf, service, insight, admin_user):
    from django.template.loader import render_to_string

    from kuulo.organisation.access import get_service_for_user
    from kuulo.traceability.panel import prefetch

    other = Insight.objects.create(service=service, statement="Toinen havainto")
    comment = linked_comment(insight)
    request = rf.get("/")
    request.user = admin_user
    scoped = get_service_for_user(request, service.pk)
    context = {"source": comment, "target_kind": "insight", "service": scoped}
    context["link_prefetch"] = prefetch(scoped, "comment", [comment], admin_user)
    html = render_to_string("traceability/_panel_fragment.html", context, request=request)
    assert insight.get_absolute_url() in html
    assert f'<option value="{other.pk}">' in html
    assert f'<option value="{insight.pk}">' not in html  # already linked
    bare_context = {"source": comment, "target_kind": "insight", "service": scoped}
    bare = render_to_string("traceability/_panel_fragment.html", bare_context, request=request)
    assert insight.get_absolute_url() in bare


def test_segment_form_is_prefilled_from_a_dashboard_url(client_as, service, insight):
    url = reverse("insights:segment_create", args=[service.pk, insight.pk])
    response = client_as("team_member").get(url, {"metric": "csat", "period": "90", "channel": "phone"})
    initial = response.context["form"].initial
    today = timezone.localdate()
    assert initial["metric"] == Metric.objects.get(code="csat", version=1).pk
    assert (initial["start"], initial["end"]) == (today - timedelta(days=89), today)
    assert initial["channel"] == "phone"
    explicit = client_as("team_member").get(url, {"start": "2026-01-01", "end": "2026-02-01", "metric": "bogus"})
    assert str(explicit.context["form"].initial["start"]) == "2026-01-01"
    assert "metric" not in explicit.context["form"].initial


def test_team_member_adds_and_removes_a_segment(client_as, service, insight):
    url = reverse("insights:segment_create", args=[service.pk, insight.pk])
    today = timezone.localdate()
    data = {
        "metric": Metric.objects.get(code="csat", version=1).pk,
        "start": today - timedelta(days=7),
        "end": today,
        "channel": "phone",
        "language": "fi",
        "customer_group": "private-person",
        "touchpoint": "queue",
        "note": "Viikko",
    }
    client = client_as("team_member")
    assert client.post(url, data).status_code == 302
    segment = SegmentEvidence.objects.get(note="Viikko")
    assert (segment.touchpoint, segment.added_by.username) == ("queue", "team")
    remove = reverse("insights:segment_evidence_remove", args=[service.pk, insight.pk, segment.pk])
    assert client_as("viewer").post(remove).status_code == 403
    assert client_as("team_member").post(remove).status_code == 302
    assert not SegmentEvidence.objects.filter(pk=segment.pk).exists()


@pytest.mark.parametrize(
    "change",
    [{"end": "2020-01-01"}, {"metric": ""}, {"channel": "pigeon"}, {"touchpoint": "nowhere"}, {"start": "eilen"}],
)
def test_bad_segment_answers_422_and_stores_nothing(client_as, service, insight, change):
    today = timezone.localdate()
    data = {"metric": Metric.objects.get(code="csat", version=1).pk, "start": today - timedelta(days=7), "end": today}
    response = client_as("team_member").post(
        reverse("insights:segment_create", args=[service.pk, insight.pk]), {**data, **change}
    )
    assert response.status_code == 422
    assert b"error-summary" in response.content
    assert SegmentEvidence.objects.count() == 1  # the fixture's


def test_segment_score_is_computed_from_the_rollups(service, insight):
    [scored] = segment_evidence(insight)
    assert scored.score.n == 15
    assert not scored.score.suppressed
    assert scored.score.value == pytest.approx(100 * 6 / 15)  # answers 4 and 5 of 1..5 repeated


def test_segment_score_is_hidden_below_the_minimum_n(client_as, service, insight):
    segment = insight.segment_evidence.get()
    segment.customer_group, segment.touchpoint = "private-person", "queue"
    segment.save()
    narrow = SegmentEvidence.objects.create(
        insight=insight,
        metric=segment.metric,
        start=segment.start,
        end=segment.end,
        channel="web",
    )
    answered(service, count=4, channel="web")
    scores = {scored.evidence.pk: scored.score for scored in segment_evidence(insight)}
    assert scores[segment.pk].n == 15 and not scores[segment.pk].suppressed
    assert scores[narrow.pk].n == 4 and scores[narrow.pk].suppressed and scores[narrow.pk].value is None
    page = client_as("viewer").get(reverse("insights:insight_detail", args=[service.pk, insight.pk]))
    assert page.status_code == 200
    assert b"4 answers, too few to show a score." in page.content


def test_segment_form_offers_what_the_service_has_answers_for(client_as, service, insight):
    url = reverse("insights:segment_create", args=[service.pk, insight.pk])
    form = client_as("team_member").get(url).context["form"]
    assert [metric.code for metric in form.fields["metric"].queryset] == ["csat"]
    assert [value for value, _label in form.fields["customer_group"].choices] == ["", "private-person"]
    assert [value for value, _label in form.fields["touchpoint"].choices] == ["", "queue"]


@pytest.mark.parametrize(("role", "offered"), [("team_member", True), ("viewer", False)])
def test_include_reads_the_menu_and_role_once_for_a_list(
    rf, service, insight, personas, role, offered, django_assert_max_num_queries
):
    from django.template import engines

    comments = answered(service, count=5)
    found = targets("comment", [comment.pk for comment in comments], "insight")
    request = rf.get("/")
    request.user = personas[role]
    template = engines["django"].from_string(
        "{% load traceability %}{% for comment in comments %}"
        '{% link_panel comment "insight" service as links %}{% include "traceability/_panel.html" %}{% endfor %}'
    )
    context = {"comments": comments, "service": service, "link_prefetch": Prefetch(linked={"insight": found})}
    with django_assert_max_num_queries(2):  # the menu, and the role on a service without my_role
        html = template.render(context, request)
    assert html.count("comment-insights__form") == (len(comments) if offered else 0)
    assert html.count(f'href="{insight.get_absolute_url()}"') == 1


def test_without_htmx_bad_input_answers_422_and_stores_nothing(client_as, service, insight):
    comment = answered(service, count=1)[-1]
    client = client_as("team_member")
    bad = [{"comment": comment.pk, "insight": "first"}, {"insight": insight.pk}, {"comment": "x", "insight": "1"}]
    for data in bad:
        response = client.post(link_url(service), data)
        assert response.status_code == 422
        assert b"error-summary" in response.content
    assert Link.objects.pair("comment", "insight").count() == 1
