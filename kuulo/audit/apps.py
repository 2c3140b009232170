from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "kuulo.audit"
    verbose_name = _("Audit log")

    def ready(self):
        from kuulo.audit import signals

        signals.connect()
