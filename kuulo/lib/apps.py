from django.apps import AppConfig


class LibConfig(AppConfig):
    name = "kuulo.lib"
    label = "kuulo_lib"
