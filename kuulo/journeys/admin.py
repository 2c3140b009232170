from django.contrib import admin

from kuulo.journeys.models import JourneyMap, Opportunity, PainPoint, Persona, Phase, Step


class PhaseInline(admin.TabularInline):
    model = Phase
    extra = 0


@admin.register(JourneyMap)
class JourneyMapAdmin(admin.ModelAdmin):
    list_display = ("title", "service", "kind", "status", "updated_at")
    list_filter = ("kind", "status", "service")
    search_fields = ("title",)
    raw_id_fields = ["owner"]
    inlines = [PhaseInline]


@admin.register(Step)
class StepAdmin(admin.ModelAdmin):
    list_display = ("name", "phase", "process", "version")
    raw_id_fields = ["updated_by", "phase"]


admin.site.register(Persona)
admin.site.register(PainPoint)
admin.site.register(Opportunity)
