from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BacklogConfig(AppConfig):
    name = "kuulo.backlog"
    verbose_name = _("Backlog")

    def ready(self):
        from kuulo.backlog import kinds

        kinds.register()
