import csv
import io
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from kuulo.comments.models import CommentReview, Theme
from kuulo.feedback.models import Comment, Response
from kuulo.organisation.models import Role
from tests.comments.pages import auto_theme, make_comment, rule_theme
from tests.factories import MembershipFactory, ServiceFactory


def comments_url(service, **params) -> str:
    url = reverse("comments:comment_list", args=[service.pk])
    return url + ("?" + "&".join(f"{name}={value}" for name, value in params.items()) if params else "")


def shown_texts(response) -> list[str]:
    return [comment.text for comment in response.context["page"].comments]


# The comments page: which comments show


def test_the_comments_page_shows_only_accepted_comments_of_the_service(client_as, service):
    make_comment(service, "Hyvä palvelu.")
    make_comment(service, "Epäilyttävä.", status=Response.Status.SUSPECT)
    make_comment(service, "Hylätty.", status=Response.Status.DISCARDED)
    make_comment(ServiceFactory(), "Toisen palvelun kommentti.")
    response = client_as("viewer").get(comments_url(service))
    assert response.status_code == 200
    assert shown_texts(response) == ["Hyvä palvelu."]
    content = response.content.decode()
    assert "Epäilyttävä" not in content and "Hylätty" not in content and "Toisen palvelun" not in content


def test_comments_come_newest_first(client_as, service):
    make_comment(service, "Vanha.", days_ago=10)
    make_comment(service, "Uusi.", days_ago=1)
    make_comment(service, "Keskimmäinen.", days_ago=5)
    assert shown_texts(client_as("viewer").get(comments_url(service))) == ["Uusi.", "Keskimmäinen.", "Vanha."]


def test_an_outsider_cannot_see_the_comments_page(client_as, service):
    make_comment(service)
    assert client_as("outsider").get(comments_url(service)).status_code == 404


def test_each_comment_shows_its_date_channel_language_score_tone_and_themes(client_as, service):
    theme = auto_theme(service, "Jonotus")
    make_comment(service, "Jonossa meni tunti.", sentiment="negative", score=20, channel="phone", themes=[theme])
    content = client_as("viewer").get(comments_url(service)).content.decode()
    assert "Phone" in content
    assert "Finnish" in content
    assert "Score 20/100" in content
    assert "Sentiment: Negative" in content
    assert ">Jonotus</a>" in content


def test_a_comment_whose_words_and_score_disagree_is_flagged(client_as, service):
    make_comment(service, "Kaikki meni pieleen.", sentiment="negative", score=100)
    make_comment(service, "Ihan ok.", sentiment="neutral", score=50)
    response = client_as("viewer").get(comments_url(service))
    flags = {comment.text: comment.disagrees for comment in response.context["page"].comments}
    assert flags == {"Kaikki meni pieleen.": True, "Ihan ok.": False}
    assert response.content.decode().count("The words and the score disagree") == 1


# Search and filters


def test_search_finds_inflected_forms_through_the_lemmas(client_as, service):
    make_comment(service, "Jonossa meni tunti.", lemmas="jono mennä tunti")
    make_comment(service, "Palvelu oli nopeaa.", lemmas="palvelu olla nopea")
    client = client_as("viewer")
    assert shown_texts(client.get(comments_url(service, q="jono"))) == ["Jonossa meni tunti."]
    assert shown_texts(client.get(comments_url(service, q="jonoissa"))) == ["Jonossa meni tunti."]
    assert shown_texts(client.get(comments_url(service, q="NOPEAA"))) == ["Palvelu oli nopeaa."]


def test_search_needs_every_word(client_as, service):
    make_comment(service, "Jonossa meni tunti.", lemmas="jono mennä tunti")
    make_comment(service, "Jono oli lyhyt.", lemmas="jono olla lyhyt")
    assert shown_texts(client_as("viewer").get(comments_url(service, q="jono lyhyt"))) == ["Jono oli lyhyt."]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"sentiment": "positive"}, {"positive high"}),
        ({"sentiment": "pending"}, {"not analysed"}),
        ({"language": "sv"}, {"swedish"}),
        ({"language": "xx"}, {"other language"}),
        ({"score": "low"}, {"negative low"}),
        ({"score": "high"}, {"positive high"}),
        ({"score": "middle"}, {"swedish", "other language"}),
        ({"score": "none"}, {"not analysed"}),
        ({"channel": "phone"}, {"negative low"}),
        ({"sentiment": "negative", "channel": "web"}, set()),
    ],
)
def test_filters_select_the_matching_comments(client_as, service, params, expected):
    make_comment(service, "positive high", sentiment="positive", score=90)
    make_comment(service, "negative low", sentiment="negative", score=10, channel="phone")
    make_comment(service, "swedish", language="sv", score=50)
    make_comment(service, "other language", detected="xx", score=60)
    make_comment(service, "not analysed", sentiment="", detected="", score=None)
    assert set(shown_texts(client_as("viewer").get(comments_url(service, **params)))) == expected


def test_the_theme_filter_shows_the_comments_of_that_theme(client_as, service):
    queue, rule = auto_theme(service), rule_theme(service)
    everywhere = Theme.objects.create(name_fi="Kaikille", kind=Theme.Kind.RULE, terms=["x"])
    make_comment(service, "jonossa", themes=[queue])
    make_comment(service, "lomake", themes=[rule, everywhere])
    client = client_as("viewer")
    assert shown_texts(client.get(comments_url(service, theme=queue.pk))) == ["jonossa"]
    assert shown_texts(client.get(comments_url(service, theme=everywhere.pk))) == ["lomake"]


def test_the_reviewed_filter(client_as, service, team_member):
    make_comment(service, "luettu", reviewed_by=team_member)
    make_comment(service, "lukematta")
    client = client_as("viewer")
    assert shown_texts(client.get(comments_url(service, reviewed="yes"))) == ["luettu"]
    assert shown_texts(client.get(comments_url(service, reviewed="no"))) == ["lukematta"]


def test_the_period_leaves_out_older_comments(client_as, service):
    make_comment(service, "tuore", days_ago=2)
    make_comment(service, "vanha", days_ago=60)
    make_comment(service, "ikivanha", days_ago=500)
    client = client_as("viewer")
    assert shown_texts(client.get(comments_url(service))) == ["tuore", "vanha"]  # 12 months by default
    assert shown_texts(client.get(comments_url(service, period="30"))) == ["tuore"]
    assert shown_texts(client.get(comments_url(service, period="730"))) == ["tuore", "vanha", "ikivanha"]
    today = timezone.localdate()
    start, end = today - timedelta(days=70), today - timedelta(days=50)
    assert shown_texts(client.get(comments_url(service, start=start, end=end))) == ["vanha"]


@pytest.mark.parametrize(
    "params",
    [
        {"sentiment": "ecstatic"},
        {"language": "de"},
        {"score": "huge"},
        {"period": "7"},
        {"start": "2026-13-40"},
        {"start": "2026-05-01", "end": "2026-04-01"},
        {"start": "1900-01-01"},
        {"theme": "not-a-number"},
        {"after": "garbage"},
        {"after": "999999999999999999-1"},
        {"q": "x" * 500},
    ],
)
def test_bad_filters_fall_back_to_the_default_with_a_notice(client_as, service, params):
    make_comment(service)
    response = client_as("viewer").get(comments_url(service, **params))
    assert response.status_code == 200
    assert "Some filters in the address were not valid" in response.content.decode()
    assert len(response.context["page"].comments) == 1


def test_a_theme_of_another_service_is_not_a_valid_filter(client_as, service):
    other_theme = auto_theme(ServiceFactory(), "Salainen")
    make_comment(service)
    response = client_as("viewer").get(comments_url(service, theme=other_theme.pk))
    assert "Some filters in the address were not valid" in response.content.decode()
    assert "Salainen" not in response.content.decode()


def test_the_htmx_request_gets_only_the_results(client_as, service):
    make_comment(service, "Hyvä.")
    response = client_as("viewer").get(comments_url(service, sentiment="neutral"), headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert response.templates[0].name == "comments/_comment_results.html"
    assert "<h1>" not in response.content.decode()
    assert "HX-Request" in response["Vary"]


# Pages


def test_pages_follow_each_other_without_gaps_or_repeats(client_as, service):
    when = timezone.now() - timedelta(days=1)
    for n in range(30):
        comment = make_comment(service, f"kommentti {n}")
        if n >= 20:  # several comments at the same moment still page correctly
            Response.objects.filter(pk=comment.response_id).update(responded_at=when)
    client = client_as("viewer")
    first = client.get(comments_url(service))
    assert len(first.context["page"].comments) == 25
    cursor = first.context["page"].next_cursor
    assert cursor is not None
    assert "Older comments" in first.content.decode()
    second = client.get(comments_url(service, after=str(cursor)))
    assert second.status_code == 200
    assert second.context["page"].next_cursor is None
    seen = shown_texts(first) + shown_texts(second)
    assert sorted(seen) == sorted(f"kommentti {n}" for n in range(30))
    assert "Newest comments" in second.content.decode()


def test_the_number_of_queries_does_not_grow_with_the_comments(client_as, service, team_member):
    theme = auto_theme(service)
    for n in range(3):
        make_comment(service, f"a{n}", themes=[theme], reviewed_by=team_member)
    client = client_as("team_member")
    with CaptureQueriesContext(connection) as few:
        client.get(comments_url(service))
    for n in range(20):
        make_comment(service, f"b{n}", themes=[theme, rule_theme(service, f"r{n}")], reviewed_by=team_member)
    with CaptureQueriesContext(connection) as many:
        client.get(comments_url(service))
    assert len(many) == len(few)


# Review toggle


def review_url(service, comment) -> str:
    return reverse("comments:comment_review", args=[service.pk, comment.pk])


def test_a_team_member_marks_a_comment_reviewed_and_back(client_as, service):
    comment = make_comment(service)
    client = client_as("team_member")
    response = client.post(review_url(service, comment), {"reviewed": "1"}, headers={"HX-Request": "true"})
    assert response.status_code == 200
    review = CommentReview.objects.get(comment=comment)
    assert review.reviewed_by.username == "team"
    assert "Mark not reviewed" in response.content.decode()
    response = client.post(review_url(service, comment), {"reviewed": "0"}, headers={"HX-Request": "true"})
    assert not CommentReview.objects.filter(comment=comment).exists()
    assert "Mark reviewed" in response.content.decode()


def test_marking_twice_keeps_one_review(client_as, service):
    comment = make_comment(service)
    client = client_as("product_owner")
    client.post(review_url(service, comment), {"reviewed": "1"})
    client.post(review_url(service, comment), {"reviewed": "1"})
    assert CommentReview.objects.filter(comment=comment).count() == 1


def test_without_htmx_the_toggle_goes_back_to_the_page(client_as, service):
    comment = make_comment(service)
    back = comments_url(service, sentiment="neutral")
    response = client_as("team_member").post(review_url(service, comment), {"reviewed": "1", "next": back})
    assert response.status_code == 302
    assert response["Location"] == back
    response = client_as("team_member").post(
        review_url(service, comment), {"reviewed": "1", "next": "https://evil.example/"}
    )
    assert response["Location"] == comments_url(service)


@pytest.mark.parametrize(("role", "status"), [("viewer", 403), ("outsider", 404), ("admin", 302)])
def test_who_may_mark_a_comment_reviewed(client_as, service, role, status):
    comment = make_comment(service)
    response = client_as(role).post(review_url(service, comment), {"reviewed": "1"})
    assert response.status_code == status
    assert CommentReview.objects.filter(comment=comment).exists() == (status == 302)


def test_a_viewer_sees_the_review_state_without_the_toggle(client_as, service, team_member):
    make_comment(service, reviewed_by=team_member)
    content = client_as("viewer").get(comments_url(service)).content.decode()
    assert "Reviewed" in content
    assert "Mark not reviewed" not in content


def test_comments_of_other_services_or_suspect_responses_cannot_be_reviewed(client_as, service):
    foreign = make_comment(ServiceFactory())
    suspect = make_comment(service, status=Response.Status.SUSPECT)
    client = client_as("team_member")
    assert client.post(review_url(service, foreign), {"reviewed": "1"}).status_code == 404
    assert client.post(review_url(service, suspect), {"reviewed": "1"}).status_code == 404
    assert not CommentReview.objects.exists()


def test_a_bad_review_value_answers_400(client_as, service):
    comment = make_comment(service)
    assert client_as("team_member").post(review_url(service, comment), {"reviewed": "maybe"}).status_code == 400
    assert client_as("team_member").get(review_url(service, comment)).status_code == 405


# CSV export


def export_rows(response) -> list[list[str]]:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))


def test_the_export_has_the_filtered_comments_with_their_themes(client_as, service, team_member):
    theme = auto_theme(service, "Jonotus")
    make_comment(service, "Jonossa.", sentiment="negative", score=20, themes=[theme], reviewed_by=team_member)
    make_comment(service, "Hyvä.", sentiment="positive", score=90)
    make_comment(service, "Epäilty.", sentiment="negative", status=Response.Status.SUSPECT)
    url = reverse("comments:comment_export", args=[service.pk]) + "?sentiment=negative"
    rows = export_rows(client_as("viewer").get(url))
    assert rows[0][0] == "Answered"
    assert len(rows) == 2
    assert rows[1][-1] == "Jonossa."
    assert "Jonotus" in rows[1] and "negative" in rows[1] and "20" in rows[1] and "yes" in rows[1]


def test_the_export_refuses_bad_filters_and_outsiders(client_as, service):
    url = reverse("comments:comment_export", args=[service.pk])
    assert client_as("viewer").get(url + "?score=huge").status_code == 422
    assert client_as("outsider").get(url).status_code == 404


# The dashboard panel


def panel_url(service, **params) -> str:
    url = reverse("comments:dashboard_panel", args=[service.pk])
    return url + ("?" + "&".join(f"{name}={value}" for name, value in params.items()) if params else "")


def test_the_panel_counts_tones_and_shows_the_latest_comments_and_top_themes(client_as, service):
    theme = auto_theme(service, "Jonotus")
    for n in range(7):
        make_comment(service, f"jono {n}", sentiment="negative", score=20, themes=[theme], days_ago=10 - n)
    make_comment(service, "Kiitos!", sentiment="positive", score=100, days_ago=0.5)
    make_comment(ServiceFactory(), "Vieras.", sentiment="positive")
    response = client_as("viewer").get(panel_url(service))
    assert response.status_code == 200
    counts = {row["sentiment"]: row["count"] for row in response.context["counts"]}
    assert counts == {"positive": 1, "neutral": 0, "negative": 7, "": 0}
    latest = [comment.text for comment in response.context["latest"]]
    assert latest == ["Kiitos!", "jono 6", "jono 5", "jono 4", "jono 3"]
    assert response.context["themes"] == [(theme, 7)]
    assert "Vieras" not in response.content.decode()


def test_the_panel_follows_the_dashboard_filters(client_as, service):
    make_comment(service, "puhelin", channel="phone", days_ago=2)
    make_comment(service, "verkko", channel="web", days_ago=2)
    make_comment(service, "ruotsiksi", channel="web", language="sv", days_ago=2)
    make_comment(service, "vanha", channel="phone", days_ago=200)
    client = client_as("viewer")
    texts = lambda **params: [c.text for c in client.get(panel_url(service, **params)).context["latest"]]  # noqa: E731
    assert texts(channel="phone", period="90") == ["puhelin"]
    assert texts(language="sv") == ["ruotsiksi"]
    assert set(texts(period="365")) == {"puhelin", "verkko", "ruotsiksi", "vanha"}
    assert client.get(panel_url(service, period="bogus")).status_code == 200  # the dashboard reports its own errors


def test_the_panel_keeps_up_with_every_change_to_past_days(client_as, service):
    from kuulo.comments import actions
    from kuulo.comments.analysis import store
    from kuulo.feedback.actions import discard_suspect

    queue, form = auto_theme(service, "Jonotus"), auto_theme(service, "Lomake")
    complaints = [
        make_comment(service, f"jono {n}", sentiment="negative", score=20, themes=[queue], days_ago=3) for n in range(3)
    ]
    make_comment(service, "lomake", sentiment="neutral", themes=[form], days_ago=4)
    late = make_comment(service, "Kiitos, todella hyvää palvelua!", sentiment="", days_ago=5)
    client = client_as("viewer")

    def panel():
        context = client.get(panel_url(service)).context
        counts = {row["sentiment"]: row["count"] for row in context["counts"]}
        return counts, [(theme.pk, n) for theme, n in context["themes"]]

    assert panel() == ({"positive": 0, "neutral": 1, "negative": 3, "": 1}, [(queue.pk, 3), (form.pk, 1)])
    make_comment(service, "jono tänään", sentiment="negative", themes=[queue], days_ago=0)  # today: at once
    assert panel() == ({"positive": 0, "neutral": 1, "negative": 4, "": 1}, [(queue.pk, 4), (form.pk, 1)])
    discard_suspect(complaints[0].response)
    assert panel()[0]["negative"] == 3
    store.analyse_comments(Comment.objects.filter(pk=late.pk))  # analysed days after it was written
    assert panel()[0] == {"positive": 1, "neutral": 1, "negative": 3, "": 0}
    actions.merge_themes(queue, [form])
    assert panel()[1] == [(queue.pk, 4)]
    actions.delete_theme(queue)
    assert panel()[1] == []


def test_the_dashboard_loads_the_panel(client_as, service):
    from tests.dashboards.pages import service_dashboard_with_answers

    service_dashboard_with_answers(service)
    content = client_as("viewer").get(reverse("dashboards:service_dashboard", args=[service.pk])).content.decode()
    assert reverse("comments:dashboard_panel", args=[service.pk]) in content


def test_an_outsider_gets_no_panel(client_as, service):
    assert client_as("outsider").get(panel_url(service)).status_code == 404


# Walls of praise


def test_the_wall_of_praise_shows_only_positive_comments_with_a_high_score(client_as, service):
    make_comment(service, "Loistavaa!", sentiment="positive", score=100)
    make_comment(service, "Positiivinen mutta matala.", sentiment="positive", score=40)
    make_comment(service, "Positiivinen ilman pisteitä.", sentiment="positive", score=None)
    make_comment(service, "Neutraali.", sentiment="neutral", score=100)
    make_comment(service, "Huono.", sentiment="negative", score=100)
    make_comment(service, "Epäilty kehu.", sentiment="positive", score=100, status=Response.Status.SUSPECT)
    response = client_as("viewer").get(reverse("comments:praise_service", args=[service.pk]))
    assert response.status_code == 200
    assert shown_texts(response) == ["Loistavaa!"]
    assert "Epäilty" not in response.content.decode()


def test_the_organisation_wall_shows_only_services_the_user_sees(client_as, service, viewer):
    other = ServiceFactory()
    make_comment(service, "Oma kehu.", sentiment="positive", score=100)
    make_comment(other, "Vieras kehu.", sentiment="positive", score=100)
    url = reverse("comments:praise_organisation")
    assert shown_texts(client_as("viewer").get(url)) == ["Oma kehu."]
    assert set(shown_texts(client_as("admin").get(url))) == {"Oma kehu.", "Vieras kehu."}
    MembershipFactory(service=other, user=viewer, role=Role.VIEWER)
    assert set(shown_texts(client_as("viewer").get(url))) == {"Oma kehu.", "Vieras kehu."}


def test_a_user_without_services_sees_an_empty_wall(client, db):
    from tests.factories import UserFactory

    client.force_login(UserFactory())
    make_comment(ServiceFactory(), "Kehu.", sentiment="positive", score=100)
    response = client.get(reverse("comments:praise_organisation"))
    assert response.status_code == 200
    assert shown_texts(response) == []


def test_the_wall_pages_and_refuses_bad_input(client_as, service):
    for n in range(35):
        make_comment(service, f"kehu {n}", sentiment="positive", score=100, days_ago=1 + n / 100)
    url = reverse("comments:praise_service", args=[service.pk])
    client = client_as("viewer")
    first = client.get(url)
    assert len(first.context["page"].comments) == 30
    second = client.get(f"{url}?after={first.context['page'].next_cursor}")
    assert len(second.context["page"].comments) == 5
    assert client.get(f"{url}?after=nonsense").status_code == 422
    assert client.get(f"{url}?period=3").status_code == 422


def test_the_organisation_wall_costs_the_same_queries_for_more_services(client_as, admin_user):
    url = reverse("comments:praise_organisation")
    make_comment(ServiceFactory(), "Kehu.", sentiment="positive", score=100)
    client = client_as("admin")
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for _n in range(5):
        make_comment(ServiceFactory(), "Kehu.", sentiment="positive", score=100)
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(many) == len(few)
