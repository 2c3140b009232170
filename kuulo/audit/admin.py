from django.contrib import admin

from kuulo.audit.models import Entry


@admin.register(Entry)
class EntryAdmin(admin.ModelAdmin):
    """Read only: nobody adds, changes or deletes audit entries through Kuulo."""

    list_display = ("at", "actor_label", "actor_kind", "action", "target_label", "service")
    list_filter = ("action", "actor_kind")
    search_fields = ("target_label", "actor_label")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
