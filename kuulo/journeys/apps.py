from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JourneysConfig(AppConfig):
    name = "kuulo.journeys"
    verbose_name = _("Customer journeys")

    def ready(self):
        from kuulo.journeys import kinds

        kinds.register()
