from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationConfig(AppConfig):
    name = "kuulo.organisation"
    verbose_name = _("Organisation")

    def ready(self) -> None:
        from kuulo.organisation import terms  # noqa: F401  (connects the per-request cache of term names)
