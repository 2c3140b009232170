"""The sign-up screener and the segments are set up in the admin; members are not listed here:
their pages (kuulo.panel.views_members) log each view of their contact details."""

from django.contrib import admin

from kuulo.panel.models import ScreenerOption, ScreenerQuestion, Segment


class ScreenerOptionInline(admin.TabularInline):
    model = ScreenerOption
    extra = 1


@admin.register(ScreenerQuestion)
class ScreenerQuestionAdmin(admin.ModelAdmin):
    list_display = ["text_fi", "kind", "study", "required", "position"]
    inlines = [ScreenerOptionInline]


@admin.register(Segment)
class SegmentAdmin(admin.ModelAdmin):
    list_display = ["name_fi", "name_sv", "name_en"]
