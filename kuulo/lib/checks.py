"""Deployment checks of Kuulo's own settings, run by `manage.py check --deploy`."""

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security, deploy=True)
def site_url_is_set(app_configs, **kwargs):
    if settings.KUULO_SITE_URL.startswith("https://"):
        return []
    return [
        Warning(
            "KUULO_SITE_URL is not an https:// address, so links in e-mails (reminders, assignments) "
            "will not lead people to Kuulo.",
            hint="Set KUULO_SITE_URL to the address people use, e.g. https://kuulo.example.fi",
            id="kuulo.W001",
        )
    ]
