from django.contrib import admin

from kuulo.insights.models import CommentEvidence, Insight, SegmentEvidence, Tag


class CommentEvidenceInline(admin.TabularInline):
    model = CommentEvidence
    extra = 0
    raw_id_fields = ["comment", "added_by"]


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
    inlines = [CommentEvidenceInline, SegmentEvidenceInline]


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    search_fields = ("name",)
