"""The comment as a kind of evidence for the traceability registry (see CommentsConfig.ready())."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kuulo.feedback.models import Comment
from kuulo.traceability.registry import Kind, register_kind


def comment_url(comment: Comment) -> str:
    """Where staff read the comment among the others: the service's comments page on the
    comment's day (so it is on the first page), scrolled to the comment."""
    listing = reverse("comments:comment_list", args=[comment.service_id])
    day = timezone.localdate(comment.responded_at).isoformat()
    return f"{listing}?start={day}&end={day}#comment-{comment.pk}-date"


COMMENT = Kind(
    name="comment",
    model=Comment,
    verbose_name=_("comment"),
    field_label=_("Comment number"),
    label=lambda comment: comment.text,
    url=comment_url,
    ordering=("-responded_at",),  # newest first; comments are linked by number, not offered in a menu
)


def register() -> None:
    register_kind(COMMENT)
