"""Organisation admins edit maturity models here (the Django admin is theirs alone)."""

from django.contrib import admin

from kuulo.games.models import Choice, Descriptor, Dimension, LevelName, MaturityModel, Question, Quiz, Suggestion


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


class QuestionInline(admin.StackedInline):
    model = Question
    extra = 0
    show_change_link = True


@admin.register(Quiz)
class QuizAdmin(admin.ModelAdmin):
    list_display = ["title_fi", "title_sv", "title_en", "slug", "pass_percent", "active"]
    inlines = [QuestionInline]


class ChoiceInline(admin.TabularInline):
    model = Choice
    extra = 0


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    list_display = ["text_fi", "quiz", "kind", "position"]
    list_filter = ["quiz"]
    inlines = [ChoiceInline]
