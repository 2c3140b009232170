from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "kuulo.demo"
    verbose_name = "Demo"
