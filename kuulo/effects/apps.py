from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EffectsConfig(AppConfig):
    name = "kuulo.effects"
    verbose_name = _("Effects and experiments")
