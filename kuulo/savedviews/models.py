"""A page's filters saved under a name by a member of the service, for themselves or for every member."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

QUERY_LENGTH = 1000


class SavedView(models.Model):
    class Page(models.TextChoices):
        DASHBOARD = "dashboard", _("Dashboard")
        COMMENTS = "comments", _("Comments")

    URL_NAMES = {Page.DASHBOARD: "dashboards:service_dashboard", Page.COMMENTS: "comments:comment_list"}

    service = models.ForeignKey("organisation.Service", on_delete=models.CASCADE, related_name="+")
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    page = models.CharField(max_length=20, choices=Page.choices)
    name = models.CharField(_("name"), max_length=80)
    query = models.CharField(max_length=QUERY_LENGTH, blank=True)  # the page's filters as a query string
    shared = models.BooleanField(_("share with the service's members"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["owner", "service", "page", "name"], name="one_saved_view_per_name")
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        path = reverse(self.URL_NAMES[self.page], args=[self.service_id])
        return f"{path}?{self.query}" if self.query else path
