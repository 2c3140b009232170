from django.contrib import admin

from kuulo.lib.audited import audited
from kuulo.organisation.models import LifeEvent, Membership, Organisation, Service, Unit


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Service)
class ServiceAdmin(admin.ModelAdmin):
    list_display = ("name_fi", "unit", "status")
    list_filter = ("status", "unit")
    search_fields = ("name_fi", "name_sv", "name_en", "slug")
    inlines = [MembershipInline]

    def delete_model(self, request, obj):
        audited(request, "service.deleted", obj)
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for service in queryset:
            audited(request, "service.deleted", service)
        super().delete_queryset(request, queryset)


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = ("name_fi", "parent")
    search_fields = ("name_fi", "name_sv", "name_en")


admin.site.register(LifeEvent)
admin.site.register(Organisation)
