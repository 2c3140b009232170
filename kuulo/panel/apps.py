from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PanelConfig(AppConfig):
    name = "kuulo.panel"
    verbose_name = _("Customer panel")

    def ready(self):
        from kuulo.backlog import hooks as backlog_hooks
        from kuulo.panel import kinds, outcomes

        kinds.register()
        backlog_hooks.status_changed.register(outcomes.item_status_changed)
