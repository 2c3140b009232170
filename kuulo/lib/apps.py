from django.apps import AppConfig


class LibConfig(AppConfig):
    name = "kuulo.lib"
    label = "kuulo_lib"

    def ready(self):
        from kuulo.lib import checks  # noqa: F401  (registers the deployment checks)
