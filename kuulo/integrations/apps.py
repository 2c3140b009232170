from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IntegrationsConfig(AppConfig):
    name = "kuulo.integrations"
    verbose_name = _("Integrations")

    def ready(self) -> None:
        from kuulo.integrations import signals  # noqa: F401
