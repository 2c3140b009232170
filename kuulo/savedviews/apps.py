from django.apps import AppConfig


class SavedViewsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "kuulo.savedviews"
    verbose_name = "Saved views"
