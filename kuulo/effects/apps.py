from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EffectsConfig(AppConfig):
    name = "kuulo.effects"
    verbose_name = _("Effects and experiments")

    def ready(self) -> None:
        from kuulo.effects import public_views
        from kuulo.feedback import hooks

        hooks.we_did_path.register(public_views.we_did_path)
