from django.forms.renderers import TemplatesSetting


class KuuloFormRenderer(TemplatesSetting):
    """Renders every form with an error summary on top. Django ties each
    field's help text and errors to its input with aria-describedby."""

    form_template_name = "forms/form.html"
