"""Changing many comments at once on the comments page."""

import pytest
from django.urls import reverse

from kuulo.comments.models import CommentReview, PraiseHiding
from kuulo.feedback.models import Response
from tests.comments.pages import make_comment
from tests.factories import ServiceFactory


def url(service) -> str:
    return reverse("comments:comment_bulk", args=[service.pk])


def test_a_team_member_marks_the_chosen_comments_reviewed_and_hides_them_from_praise(client_as, service):
    chosen = [make_comment(service, sentiment="positive", score=100) for _ in range(3)]
    other = make_comment(service)
    client = client_as("team_member")
    ids = [comment.pk for comment in chosen]
    response = client.post(url(service), {"action": "reviewed", "comments": ids, "next": "/services/"})
    assert response.status_code == 302 and response["Location"] == "/services/"
    assert set(CommentReview.objects.values_list("comment_id", flat=True)) == set(ids)
    assert client.post(url(service), {"action": "reviewed", "comments": ids}).status_code == 302  # again: no change
    assert CommentReview.objects.count() == 3
    client.post(url(service), {"action": "hide_praise", "comments": ids[:2]})
    assert set(PraiseHiding.objects.values_list("comment_id", flat=True)) == set(ids[:2])
    client.post(url(service), {"action": "show_praise", "comments": ids})
    client.post(url(service), {"action": "not_reviewed", "comments": [ids[0], other.pk]})
    assert not PraiseHiding.objects.exists()
    assert set(CommentReview.objects.values_list("comment_id", flat=True)) == set(ids[1:])


def test_comments_of_another_service_or_not_accepted_are_passed_over(client_as, service):
    mine = make_comment(service)
    suspect = make_comment(service, status=Response.Status.SUSPECT)
    elsewhere = make_comment(ServiceFactory())
    client_as("team_member").post(url(service), {"action": "reviewed", "comments": [mine.pk, suspect.pk, elsewhere.pk]})
    assert list(CommentReview.objects.values_list("comment_id", flat=True)) == [mine.pk]


@pytest.mark.parametrize(("role", "status"), [("viewer", 403), ("outsider", 404)])
def test_viewers_and_outsiders_change_nothing(client_as, service, role, status):
    comment = make_comment(service)
    assert client_as(role).post(url(service), {"action": "reviewed", "comments": [comment.pk]}).status_code == status
    assert not CommentReview.objects.exists()


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"action": "reviewed"}, "Choose at least one comment."),
        ({"action": "delete", "comments": ["1"]}, "Select a valid choice."),
        ({"action": "reviewed", "comments": ["x"]}, "Select a valid choice."),
        ({"action": "reviewed", "comments": [str(n) for n in range(1, 102)]}, "at most 100 comments"),
    ],
)
def test_bad_input_is_refused_with_the_reason(client_as, service, data, error):
    response = client_as("team_member").post(url(service), data)
    assert response.status_code == 400
    assert error in response.content.decode()


def test_the_page_offers_the_boxes_only_to_those_who_may_change_comments(client_as, service):
    make_comment(service)
    page = reverse("comments:comment_list", args=[service.pk])
    assert 'form="bulk-form"' in client_as("team_member").get(page).content.decode()
    assert 'form="bulk-form"' not in client_as("viewer").get(page).content.decode()
