from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InsightsConfig(AppConfig):
    name = "kuulo.insights"
    verbose_name = _("Insights")

    def ready(self):
        from kuulo.insights import kinds

        kinds.register()
