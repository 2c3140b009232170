from django.contrib import admin

from kuulo.insights.models import Insight, SegmentEvidence, Tag


class SegmentEvidenceInline(admin.TabularInline):
    model = SegmentEvidence
    extra = 0
    raw_id_fields = ["added_by"]


@admin.register(Insight)
class InsightAdmin(admin.ModelAdmin):
    list_display = ("__str__", "service", "status", "updated_at")
    list_filter = ("status", "service")
    search_fields = ("statement", "tags__name")
    raw_id_fields = ["created_by"]
    filter_horizontal = ["tags"]
    inlines = [SegmentEvidenceInline]  # links to comments and items: traceability's Link admin


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    search_fields = ("name",)
