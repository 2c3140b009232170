from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from kuulo.comments import hooks
from kuulo.feedback import hooks as feedback_hooks


class CommentsConfig(AppConfig):
    name = "kuulo.comments"
    verbose_name = _("Comment analysis")

    def ready(self) -> None:
        from kuulo.comments import kinds  # reads the models, which are not loaded when this module is

        kinds.register()
        feedback_hooks.comments_stored.register(hooks.analyse_after_commit)
        feedback_hooks.comments_changed.register(hooks.comments_changed)
