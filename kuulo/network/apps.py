from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "kuulo.network"
    verbose_name = _("Ideas and network")

    def ready(self):
        from kuulo.backlog import hooks as backlog_hooks
        from kuulo.network import actions, kinds, middleware  # noqa: F401 (middleware: its login receiver)

        kinds.register()
        backlog_hooks.status_changed.register(actions.promoted_item_changed)
