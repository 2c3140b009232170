from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EffectMapsConfig(AppConfig):
    name = "kuulo.effectmaps"
    verbose_name = _("Effect maps")

    def ready(self):
        from kuulo.effectmaps import kinds

        kinds.register()
