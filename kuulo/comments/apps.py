from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommentsConfig(AppConfig):
    name = "kuulo.comments"
    verbose_name = _("Comment analysis")

    def ready(self):
        from kuulo.comments import kinds

        kinds.register()
