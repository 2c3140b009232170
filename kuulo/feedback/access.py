"""Access to responses and their comments, on top of kuulo.organisation.access: 404 for
outsiders, for a malformed id and for an object of another service than the URL's, 403 for a
role too low for the action.

Comments are read and acted on by several apps (comments, insights, backlog); they all come
here, where the model lives, so that none of them has to import another for it."""

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from kuulo.feedback.models import Comment, Response
from kuulo.organisation.access import get_service_for_user
from kuulo.organisation.models import Role


def _id(pk) -> int:
    if not str(pk).isdigit():
        raise Http404("No such object.")
    return int(pk)


def get_comment_for_user(
    request: HttpRequest, service_pk: int, pk, role: Role = Role.VIEWER, *, accepted_only: bool = False
) -> Comment:
    """The comment `pk` given to the service `service_pk` (only of an accepted response with
    `accepted_only`); `comment.response.service` is the service from get_service_for_user."""
    service = get_service_for_user(request, service_pk, role=role)
    comments = Comment.objects.select_related("response").filter(response__service=service)
    if accepted_only:
        comments = comments.filter(response__status=Response.Status.ACCEPTED)
    comment = get_object_or_404(comments, pk=_id(pk))
    comment.response.service = service
    return comment


def get_response_for_user(request: HttpRequest, service_pk: int, pk, role: Role = Role.VIEWER) -> Response:
    """The response `pk` given to the service `service_pk`; `response.service` is the service from
    get_service_for_user."""
    service = get_service_for_user(request, service_pk, role=role)
    response = get_object_or_404(Response, service=service, pk=_id(pk))
    response.service = service
    return response
