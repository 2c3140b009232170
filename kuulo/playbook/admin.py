"""The playbook in the Django admin, for organisation admins who fix a glossary term or a role
guide by hand (cards are edited in Kuulo itself, where every save is a version)."""

from django.contrib import admin

from kuulo.playbook.models import GlossaryTerm, HelpRequest, Method, RoleGuide, SparringPartner


@admin.register(GlossaryTerm)
class GlossaryTermAdmin(admin.ModelAdmin):
    list_display = ["slug", "term"]
    search_fields = ["slug"]
    filter_horizontal = ["see_also"]


@admin.register(RoleGuide)
class RoleGuideAdmin(admin.ModelAdmin):
    list_display = ["role", "position"]


@admin.register(Method)
class MethodAdmin(admin.ModelAdmin):
    list_display = ["slug", "title", "version", "updated_at"]
    readonly_fields = ["slug", "content", "phases", "roles", "produces", "version", "updated_at", "updated_by"]

    def has_add_permission(self, request) -> bool:
        return False  # a card is made in Kuulo, so its first version is recorded


@admin.register(SparringPartner)
class SparringPartnerAdmin(admin.ModelAdmin):
    list_display = ["method", "user", "since"]


@admin.register(HelpRequest)
class HelpRequestAdmin(admin.ModelAdmin):
    list_display = ["method", "requester", "partner", "status", "created_at"]
    list_filter = ["status"]
