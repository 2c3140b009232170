from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TraceabilityConfig(AppConfig):
    name = "kuulo.traceability"
    verbose_name = _("Traceability")
