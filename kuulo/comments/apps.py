from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from kuulo.comments import hooks
from kuulo.feedback import hooks as feedback_hooks


class CommentsConfig(AppConfig):
    name = "kuulo.comments"
    verbose_name = _("Comment analysis")

    def ready(self) -> None:
        feedback_hooks.comments_stored.register(hooks.analyse_after_commit)
        feedback_hooks.comments_changed.register(hooks.comments_changed)
