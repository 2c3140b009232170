from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SelfassessmentConfig(AppConfig):
    name = "kuulo.selfassessment"
    verbose_name = _("Self-assessment")

    def ready(self):
        from kuulo.api.api import api
        from kuulo.selfassessment.api import router

        if not getattr(router, "attached", False):  # once, to the one API (this app sits above kuulo.api)
            api.add_router("/self-assessment", router)
            router.attached = True
