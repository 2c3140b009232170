"""Organisation admins edit maturity models here (the Django admin is theirs alone)."""

from django.contrib import admin

from kuulo.games.models import Descriptor, Dimension, LevelName, MaturityModel, Suggestion


class LevelNameInline(admin.TabularInline):
    model = LevelName
    extra = 0
    max_num = 5


class DimensionInline(admin.StackedInline):
    model = Dimension
    extra = 0
    show_change_link = True


@admin.register(MaturityModel)
class MaturityModelAdmin(admin.ModelAdmin):
    list_display = ["name_fi", "name_sv", "name_en", "slug", "active"]
    inlines = [LevelNameInline, DimensionInline]


class DescriptorInline(admin.StackedInline):
    model = Descriptor
    extra = 0
    max_num = 5


class SuggestionInline(admin.TabularInline):
    model = Suggestion
    extra = 0


@admin.register(Dimension)
class DimensionAdmin(admin.ModelAdmin):
    list_display = ["name_fi", "model", "code", "position"]
    list_filter = ["model"]
    inlines = [DescriptorInline, SuggestionInline]
