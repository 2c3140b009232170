from django.contrib import admin

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


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = ("name_fi", "parent")
    search_fields = ("name_fi", "name_sv", "name_en")


admin.site.register(LifeEvent)
admin.site.register(Organisation)
