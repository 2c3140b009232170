from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccessibilityConfig(AppConfig):
    name = "kuulo.accessibility"
    verbose_name = _("Accessibility statement and feedback")
    default_auto_field = "django.db.models.BigAutoField"
