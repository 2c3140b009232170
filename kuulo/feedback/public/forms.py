"""The hosted survey page's form: one field per question (per statement for
multi-item metrics), validated by the same clean_submission as every channel."""

import uuid
from urllib.parse import unquote_to_bytes

from django import forms
from django.utils.translation import gettext as _

from kuulo.feedback import abuse
from kuulo.feedback.public.questions import survey_questions
from kuulo.feedback.submissions import SubmissionError, clean_submission
from kuulo.organisation.models import Channel
from kuulo.surveys.models import CollectionPoint, SurveyVersion

HONEYPOT = "website"


class SurveyForm(forms.Form):
    idempotency_key = forms.UUIDField(widget=forms.HiddenInput)
    started = forms.CharField(widget=forms.HiddenInput, required=False)
    lang = forms.CharField(widget=forms.HiddenInput, required=False)
    tp = forms.CharField(widget=forms.HiddenInput, required=False)
    group = forms.CharField(widget=forms.HiddenInput, required=False)
    website = forms.CharField(required=False)  # honeypot: people never see it

    def __init__(
        self,
        version: SurveyVersion,
        language: str,
        data=None,
        *,
        point: CollectionPoint | None = None,
        undecodable: frozenset[str] = frozenset(),
        **kwargs,
    ):
        self.undecodable = undecodable  # fields whose sent bytes were not UTF-8 (see undecodable_fields)
        initial = {"idempotency_key": uuid.uuid4(), "started": abuse.start_token(), "lang": language}
        super().__init__(data, initial={**initial, **kwargs.pop("initial", {})}, **kwargs)
        self.version, self.language, self.point = version, language, point
        self.submission = None
        self.questions = survey_questions(version, language)
        for question in self.questions:
            if question["kind"] == "open":
                name = f"comments.{question['id']}"
                self.fields[name] = forms.CharField(required=False, strip=False)
                question["field"] = self[name]
                question["anchor"] = f"q-comment-{question['id']}"
                continue
            code = question["code"]
            question["anchor"] = f"q-{code}"
            if question["items"]:
                question["item_fields"] = []
                for index, text in enumerate(question["items"]):
                    self.fields[f"answers.{code}.{index}"] = forms.CharField(required=False)
                    question["item_fields"].append(
                        {"text": text, "field": self[f"answers.{code}.{index}"], "anchor": f"q-{code}-item{index}"}
                    )
            else:
                self.fields[f"answers.{code}"] = forms.CharField(required=False)
                question["field"] = self[f"answers.{code}"]

    def clean(self):
        cleaned = super().clean()
        for name in sorted(self.undecodable):
            message = _("This text has characters that could not be read. Please type it again.")
            self.add_error(name if name in self.fields else None, message)
        if self.errors:
            return cleaned
        answers, partly_answered = {}, []
        for question in self.questions:
            if question["kind"] != "metric":
                continue
            code = question["code"]
            if question["items"]:
                values = [_number(cleaned.get(f"answers.{code}.{i}")) for i in range(len(question["items"]))]
                given = [value for value in values if value is not None]
                if given and len(given) < len(values):
                    partly_answered.append(code)
                elif given:
                    answers[code] = values
            elif (value := _number(cleaned.get(f"answers.{code}"))) is not None:
                answers[code] = value
        comments = {
            str(question["id"]): cleaned.get(f"comments.{question['id']}", "")
            for question in self.questions
            if question["kind"] == "open"
        }
        payload = {
            "idempotency_key": str(cleaned["idempotency_key"]),
            "language": self.language,
            "channel": self.point.channel if self.point else Channel.WEB,
            "touchpoint": cleaned.get("tp") or (self.point.touchpoint if self.point else ""),
            "customer_group": cleaned.get("group", ""),
            "answers": answers,
            "comments": comments,
        }
        errors = {f"answers.{code}": _("Please answer every statement.") for code in partly_answered}
        try:
            self.submission = clean_submission(self.version, payload)
        except SubmissionError as error:
            errors = {**error.errors, **errors}
        for key, message in errors.items():
            self.add_error(self._field_for(key), message)
        return cleaned

    def _field_for(self, key: str) -> str | None:
        if key in self.fields:
            return key
        if f"{key}.0" in self.fields:
            return f"{key}.0"
        return None

    def error_list(self) -> list[dict]:
        """For the error summary: each message with the question it concerns and a link to it."""
        shown = [{"message": message} for message in self.non_field_errors()]
        for name in ("idempotency_key", "started", "lang", "tp", "group"):
            shown.extend({"message": message} for message in self.errors.get(name, []))
        for question in self.questions:
            label = question["text"] if question["kind"] == "open" else question["question"]
            shown.extend(
                {"message": message, "label": label, "anchor": question["anchor"]} for message in errors_of(question)
            )
        return shown


def undecodable_fields(request) -> frozenset[str]:
    """The names of the fields of a urlencoded form post whose values are not UTF-8.
    Django reads such bytes as U+FFFD; the form refuses them instead of storing them.
    (A multipart body cannot be read twice; Django decodes its fields itself.)"""
    if request.content_type != "application/x-www-form-urlencoded":
        return frozenset()
    names = set()
    for pair in request.body.split(b"&"):
        name, _sep, value = pair.partition(b"=")
        try:
            unquote_to_bytes(value.replace(b"+", b" ")).decode("utf-8")
        except UnicodeDecodeError:
            names.add(unquote_to_bytes(name.replace(b"+", b" ")).decode("utf-8", "replace"))
    return frozenset(names)


def errors_of(question: dict) -> list[str]:
    """A question's messages; a multi-item metric's are kept on its first statement."""
    field = question["item_fields"][0]["field"] if question.get("item_fields") else question["field"]
    return list(field.errors)


def _number(raw: object) -> int | str | None:
    """A whole number from a form value; other text is passed on for clean_submission to refuse."""
    if raw in (None, ""):
        return None
    try:
        return int(raw)
    except (TypeError, ValueError):
        return str(raw)
