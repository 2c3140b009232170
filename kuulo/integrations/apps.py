from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from kuulo.backlog import hooks as backlog_hooks


class IntegrationsConfig(AppConfig):
    name = "kuulo.integrations"
    verbose_name = _("Integrations")

    def ready(self) -> None:
        # The handler reads models, which are not loaded when this module is imported.
        from kuulo.integrations.hooks import push_status_change

        backlog_hooks.status_changed.register(push_status_change)
