from django.contrib import admin

from kuulo.traceability.models import Link


@admin.register(Link)
class LinkAdmin(admin.ModelAdmin):
    """Links as rows, for organisation admins who need to look one up; staff link in the panels."""

    list_display = ("__str__", "source_service", "target_service", "added_by", "added_at")
    list_filter = ("source_kind", "target_kind")
    search_fields = ("=source_id", "=target_id", "note")
    raw_id_fields = ["source_service", "target_service", "added_by"]
    date_hierarchy = "added_at"
