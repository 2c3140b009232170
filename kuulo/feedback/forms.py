from pathlib import Path

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext

from kuulo.feedback import import_layouts, imports
from kuulo.feedback.models import SavedMapping
from kuulo.lib.translated import LANGUAGE_LABELS
from kuulo.organisation.models import Channel

MAX_FILE_BYTES = 50 * 1024 * 1024


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("File"),
        help_text=gettext_lazy("A CSV or XLSX file whose first row names the columns."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx,text/csv"}),
    )
    source_format = forms.ChoiceField(
        label=gettext_lazy("Tool that made the file"),
        choices=import_layouts.FORMAT_CHOICES,
        initial=import_layouts.AUTO,
        required=False,
        help_text=gettext_lazy("Kuulo knows the exports of these tools and maps their columns for you."),
    )
    saved_mapping = forms.ModelChoiceField(
        label=gettext_lazy("Saved mapping"),
        queryset=SavedMapping.objects.none(),
        required=False,
        empty_label=gettext_lazy("None: suggest a mapping"),
        help_text=gettext_lazy("A mapping saved at an earlier import of the same kind of file."),
    )

    def __init__(self, *args, survey=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["saved_mapping"].queryset = SavedMapping.objects.filter(collection_point__survey=survey)
        if not self.fields["saved_mapping"].queryset.exists():
            del self.fields["saved_mapping"]

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if Path(upload.name).suffix.lower() not in (".csv", ".xlsx", ".txt"):
            raise forms.ValidationError(_("Choose a CSV or XLSX file."))
        if upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError(_("The file is larger than 50 MB. Use the import_responses command."))
        return upload


class ImportMappingForm(forms.Form):
    """One choice per column, defaults for language and channel, and the value of each label text."""

    def __init__(
        self,
        *args,
        version,
        headers: list[str],
        labels: dict[int, list[str]],
        initial_mapping,
        values: dict[int, list[str]] | None = None,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.version, self.headers, self.label_texts = version, headers, labels
        self.value_texts = values or {}
        self.time_zone = initial_mapping.time_zone
        choices = imports.target_choices(version)
        for index, header in enumerate(headers):
            self.fields[f"column_{index}"] = forms.ChoiceField(
                label=header or _("Column %(number)d") % {"number": index + 1},
                choices=choices,
                initial=initial_mapping.columns.get(index, imports.IGNORE),
            )
        self.fields["language"] = forms.ChoiceField(
            label=_("Language when the file does not say"),
            choices=[(code, LANGUAGE_LABELS[code]) for code in version.languages],
            initial=initial_mapping.language or version.languages[0],
        )
        self.fields["channel"] = forms.ChoiceField(
            label=_("Channel when the file does not say"), choices=Channel.choices, initial=initial_mapping.channel
        )
        self.fields["label_languages"] = forms.MultipleChoiceField(
            label=_("Languages of the answer texts"),
            help_text=_("Texts such as “Very satisfied” are read as the scale's own labels in these languages only."),
            choices=[(code, LANGUAGE_LABELS[code]) for code in version.languages],
            initial=initial_mapping.label_languages or version.languages,
            widget=forms.CheckboxSelectMultiple,
        )
        for index, texts in labels.items():
            metric = imports.metric_of(initial_mapping.columns.get(index, ""), version)
            own = initial_mapping.labels.get(index, {})
            for number, text in enumerate(texts):
                guess = own.get(text.casefold())
                if guess is None and metric is not None:
                    guess = imports.label_value(text, metric, version.languages)
                no_answer = (text.casefold() in own and own[text.casefold()] is None) or (
                    text.casefold() not in own and imports.is_no_answer(text)
                )
                self.fields[f"label_{index}_{number}"] = forms.IntegerField(
                    label=_("Value of “%(text)s”") % {"text": text}, required=False, initial=guess
                )
                self.fields[f"no_answer_{index}_{number}"] = forms.BooleanField(
                    label=pgettext("import label", "No answer (the question is skipped, the row kept)"),
                    required=False,
                    initial=no_answer,
                )

        for index, texts in self.value_texts.items():
            target = initial_mapping.columns.get(index, "")
            own = initial_mapping.values.get(index, {})
            for number, text in enumerate(texts):
                name = f"value_{index}_{number}"
                label = _("Kuulo value of “%(text)s”") % {"text": text}
                if target == "channel":
                    guess = own.get(text.casefold(), imports.channel_of(text))
                    choices = [("", pgettext("import value", "The default channel")), *Channel.choices]
                    self.fields[name] = forms.ChoiceField(label=label, choices=choices, required=False, initial=guess)
                else:
                    self.fields[name] = forms.CharField(
                        label=label, required=False, max_length=64, initial=own.get(text.casefold(), "")
                    )
        self.fields["save_as"] = forms.CharField(
            label=_("Save this mapping as"),
            required=False,
            max_length=100,
            help_text=_("A name, such as “Monthly export”, to use the mapping again for the next file."),
        )

    def value_groups(self) -> list[tuple[str, list]]:
        return [
            (self.headers[index], [self[f"value_{index}_{n}"] for n in range(len(texts))])
            for index, texts in self.value_texts.items()
        ]

    def column_fields(self) -> list:
        return [self[f"column_{index}"] for index in range(len(self.headers))]

    def label_groups(self) -> list[tuple[str, list]]:
        return [
            (
                self.headers[index],
                [(self[f"label_{index}_{n}"], self[f"no_answer_{index}_{n}"]) for n in range(len(texts))],
            )
            for index, texts in self.label_texts.items()
        ]

    def clean(self):
        cleaned = super().clean()
        targets = [cleaned.get(f"column_{index}") for index in range(len(self.headers))]
        used = [target for target in targets if target and target != imports.IGNORE]
        if len(used) != len(set(used)):
            raise forms.ValidationError(_("Map each question or detail to one column only."))
        if not any(target.startswith(("metric:", "open:")) for target in used):
            raise forms.ValidationError(_("Map at least one column to a question."))
        return cleaned

    def mapping(self) -> imports.Mapping:
        columns = {index: self.cleaned_data[f"column_{index}"] for index in range(len(self.headers))}
        labels = {}
        for index, texts in self.label_texts.items():
            labels[index] = {}
            for n, text in enumerate(texts):
                if self.cleaned_data.get(f"no_answer_{index}_{n}"):
                    labels[index][text.casefold()] = None  # no answer
                elif (value := self.cleaned_data.get(f"label_{index}_{n}")) is not None:
                    labels[index][text.casefold()] = value
        values = {}
        for index, texts in self.value_texts.items():
            if columns.get(index) not in imports.VALUE_TARGETS:
                continue
            chosen = {text.casefold(): self.cleaned_data.get(f"value_{index}_{n}") for n, text in enumerate(texts)}
            values[index] = {text: value for text, value in chosen.items() if value}
        return imports.Mapping(
            columns={index: target for index, target in columns.items() if target != imports.IGNORE},
            labels=labels,
            values=values,
            language=self.cleaned_data["language"],
            channel=self.cleaned_data["channel"],
            time_zone=self.time_zone,
            label_languages=self.cleaned_data["label_languages"],
        )
