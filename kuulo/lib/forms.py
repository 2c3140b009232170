from django import forms
from django.forms.renderers import TemplatesSetting


class KuuloFormRenderer(TemplatesSetting):
    """Renders every form with an error summary on top. Django ties each
    field's help text and errors to its input with aria-describedby."""

    form_template_name = "forms/form.html"


class LanguageSelect(forms.Select):
    """A choice of languages by their own names ("Suomi", "Svenska", "English"): each option says
    its language, so screen readers pronounce it right and no name reads as a foreign word."""

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        if value:
            option["attrs"]["lang"] = str(value)
        return option
