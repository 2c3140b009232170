from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kuulo.alerts.models import Subscription
from kuulo.comments.models import Theme
from kuulo.metrics.models import Metric


class SubscriptionForm(forms.ModelForm):
    """A new alert on one service: the kind, and its metric or theme and threshold."""

    class Meta:
        model = Subscription
        fields = ["kind", "metric", "theme", "threshold"]
        widgets = {"kind": forms.RadioSelect}
        help_texts = {
            "metric": _("For an alert on a metric."),
            "theme": _("For an alert on negative comments."),
            "threshold": _(
                "A drop: how many points from one week to the next (5 if left empty). "
                "Negative comments: at least how many in a week (5 if left empty)."
            ),
        }

    def __init__(self, *args, service, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.service, self.user = service, user
        self.fields["kind"].choices = Subscription.Kind.choices  # no empty choice among the radio buttons
        self.fields["metric"].queryset = Metric.objects.filter(is_active=True).order_by("code", "-version")
        self.fields["theme"].queryset = Theme.objects.filter(Q(service=service) | Q(service__isnull=True)).by_name()
        self.fields["threshold"].widget.attrs["min"] = 1

    def clean(self):
        data = super().clean()
        kind = data.get("kind")
        if kind == Subscription.Kind.NEGATIVE_SPIKE:
            data["metric"] = None
            if not data.get("theme"):
                self.add_error("theme", _("Choose the theme whose negative comments to follow."))
        elif kind:
            data["theme"] = None
            if not data.get("metric"):
                self.add_error("metric", _("Choose the metric to follow."))
        if kind and not self.errors:
            same = Subscription.objects.filter(
                user=self.user, service=self.service, kind=kind, metric=data.get("metric"), theme=data.get("theme")
            )
            if same.exists():
                raise forms.ValidationError(_("You already have this alert."))
        return data

    def save(self, commit=True):
        self.instance.service, self.instance.user = self.service, self.user
        self.instance.metric, self.instance.theme = self.cleaned_data.get("metric"), self.cleaned_data.get("theme")
        return super().save(commit)
