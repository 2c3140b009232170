"""The pieces of a journey map's pages that repeat for every step (the lanes table of the outline
with its editing buttons, the cells of the visual grid, the heat strip), rendered in Python.

A map of 12 phases × 60 steps has 720 steps of a dozen lanes each. Through the template language
each step's lanes, includes, translations and URL reversals cost milliseconds, and the pages took
seconds (bench/journeys.py). Here every label is translated once per page, every URL is built
from one reversed pattern, choice labels are looked up in a dict, every value goes through `_e`
(escaping), and the small templates that other pages share (a live figure, an emotion) are
rendered once per distinct value. The markup is the markup the templates made."""

from html import escape

from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from kuulo.journeys.models import JourneyMap, Process, Step
from kuulo.lib.templatetags.figures import figure
from kuulo.organisation.models import Channel

_PK = 987654321  # a number no real id has: reversed once, then replaced by each step's id


def _e(value) -> str:
    """A value as HTML text: escaped, unless it is markup already made safe (a rendered piece)."""
    if isinstance(value, SafeString):
        return value
    return escape(str(value), quote=True)


def _lines(value: str) -> str:
    """A lane's text with its line breaks, as the linebreaksbr filter makes it; "–" when empty."""
    if not value:
        return "–"
    return _e(value.replace("\r\n", "\n").replace("\r", "\n")).replace("\n", "<br>")


def _safe(html: str) -> SafeString:
    """Markup built here from escaped values (`_e`, `_lines`) and rendered pieces only."""
    return mark_safe(html)  # noqa: S308 - every value in it went through _e or _lines


def _url_maker(name: str, *args):
    pattern = reverse(name, args=[*args, _PK])
    return lambda pk: pattern.replace(str(_PK), str(pk))


class MapFragments:
    """Renders the repeated pieces of one map for one request (its language, its user's rights)."""

    def __init__(self, request, journey: JourneyMap, personas: list, lanes: list[tuple[str, str]]):
        self.personas = personas
        self.lanes = lanes
        self.can_contribute = getattr(journey.service, "can_contribute", False)
        service_pk, journey_pk = journey.service.pk, journey.pk
        self.step_url = _url_maker("journeys:step_detail", service_pk, journey_pk)
        if self.can_contribute:
            self.edit_url = _url_maker("journeys:step_edit", service_pk, journey_pk)
            self.move_url = _url_maker("journeys:step_move", service_pk, journey_pk)
            self.delete_url = _url_maker("journeys:step_delete", service_pk, journey_pk)
            self.csrf = f'<input type="hidden" name="csrfmiddlewaretoken" value="{_e(get_token(request))}">'
        self.process = {code: _e(label) for code, label in Process.choices}
        self.channel = {code: _e(label) for code, label in Channel.choices}
        label = {
            "to_be": _("To be"),
            "as_is": _("As is"),
            "step": _("Step"),
            "process": _("Part of the journey"),
            "done_by": _("Done by"),
            "does": _("The customer does"),
            "thinks": _("The customer thinks"),
            "feels": _("The customer feels"),
            "channel": _("Channel"),
            "touchpoint": _("Touchpoint"),
            "backstage": _("Backstage"),
            "live": _("Live feedback"),
            "pains": _("Pain points"),
            "opportunities": _("Opportunities"),
            "edit": _("Edit step"),
            "delete": _("Delete step"),
            "up": _("Move up"),
            "down": _("Move down"),
            "no_feedback": _("No feedback linked"),
            "few": _("too few answers"),
            "green": _("Target met"),
            "amber": _("Below target, within the margin"),
            "red": _("Below target"),
        }
        self.label = {key: _e(text) for key, text in label.items()}
        self.emotion_heading = {
            persona.pk: _e(_("Emotion: %(persona)s") % {"persona": persona.name}) for persona in personas
        }
        self.caption = _("Lanes of the step %(name)s")
        self.priority = _("priority %(priority)s")
        self._shared: dict[tuple, str] = {}

    # Pieces shared with other pages: their own templates, once per distinct value

    def live_cell(self, cell) -> str:
        score = cell.score
        key = ("cell", cell.metric.pk, score.n, score.value, score.ci_low, score.ci_high, cell.status)
        if key not in self._shared:
            self._shared[key] = render_to_string("journeys/_live_cell.html", {"cell": cell})
        return self._shared[key]

    def emotion(self, score: int | None) -> str:
        if score is None:
            return "–"
        key = ("emotion", score)
        if key not in self._shared:
            self._shared[key] = render_to_string("journeys/_emotion.html", {"score": score})
        return self._shared[key]

    def live_cells(self, step: Step, empty: str) -> str:
        cells = step.cells[:3]
        return "".join(self.live_cell(cell) for cell in cells) if cells else empty

    # The outline

    def lanes_table(self, step: Step) -> str:
        """The lanes of one step as a table; on a future-state copy the as-is values beside the new ones."""
        label, old = self.label, step.as_is
        compare = old is not None

        def pair(heading: str, new: str, previous: str = "") -> str:
            extra = f"<td>{previous}</td>" if compare else ""
            return f'<tr><th scope="row">{heading}</th><td>{new}</td>{extra}</tr>'

        def whole(heading: str, value: str) -> str:
            span = ' colspan="2"' if compare else ""
            return f'<tr><th scope="row">{heading}</th><td{span}>{value}</td></tr>'

        def process(thing) -> str:
            return f'<span class="process process--{_e(thing.process)}">{self.process.get(thing.process, "")}</span>'

        rows = []
        if compare and old.name != step.name:
            rows.append(pair(label["step"], _e(step.name), _e(old.name)))
        rows.append(pair(label["process"], process(step), process(old) if compare else ""))
        if step.owner_text or (compare and old.owner_text):
            extra = f'<td class="handoff">{_e(old.owner_text or "–")}</td>' if compare else ""
            rows.append(
                f'<tr><th scope="row">{label["done_by"]}</th><td class="handoff">{_e(step.owner_text or "–")}</td>'
                f"{extra}</tr>"
            )
        for lane in ("does", "thinks", "feels"):
            rows.append(pair(label[lane], _lines(getattr(step, lane)), _lines(getattr(old, lane, ""))))
        old_channel = (self.channel.get(old.channel) or "–") if compare else ""
        rows.append(pair(label["channel"], self.channel.get(step.channel) or "–", old_channel))
        rows.append(pair(label["touchpoint"], _e(step.touchpoint or "–"), _e(getattr(old, "touchpoint", "") or "–")))
        rows.append(pair(label["backstage"], _lines(step.backstage), _lines(getattr(old, "backstage", ""))))
        for persona in self.personas:
            score = step.emotion_of.get(persona.pk)
            old_score = old.emotion_of.get(persona.pk) if compare else None
            if score is not None or old_score is not None:
                rows.append(pair(self.emotion_heading[persona.pk], self.emotion(score), self.emotion(old_score)))
        rows.append(whole(label["live"], self.live_cells(step, "–")))
        pains = "".join(f"<li>{_e(pain.text)}</li>" for pain in step.pain_list)
        rows.append(whole(label["pains"], f'<ul class="plain">{pains}</ul>' if pains else "–"))
        opportunities = "".join(
            f"<li>{_e(item.title)} ({_e(self.priority % {'priority': item.priority})})</li>"
            for item in step.opportunity_list
        )
        rows.append(whole(label["opportunities"], f'<ul class="plain">{opportunities}</ul>' if opportunities else "–"))
        head = ""
        if compare:
            head = (
                f'<thead><tr><td></td><th scope="col">{label["to_be"]}</th>'
                f'<th scope="col">{label["as_is"]}</th></tr></thead>'
            )
        return (
            f'<table class="lanes{" lanes--compare" if compare else ""}">'
            f'<caption class="visually-hidden">{_e(self.caption % {"name": step.name})}</caption>'
            f"{head}<tbody>{''.join(rows)}</tbody></table>"
        )

    def tools(self, step: Step, first: bool, last: bool) -> str:
        """Edit, move up / down and delete of a step, for team members; empty for others."""
        if not self.can_contribute:
            return ""
        label, name = self.label, f'<span class="visually-hidden">: {_e(step.name)}</span>'
        move_url = self.move_url(step.pk)
        buttons = "".join(
            f'<button type="submit" name="direction" value="{direction}" class="button button--small" '
            f'id="{direction}-step-{step.pk}">{label[direction]}{name}</button>'
            for direction, hidden in (("up", first), ("down", last))
            if not hidden
        )
        return (
            f'<div class="outline__tools"><a class="button button--small" href="{self.edit_url(step.pk)}">'
            f"{label['edit']}{name}</a>"
            f'<form method="post" action="{move_url}" class="move-form" hx-post="{move_url}" hx-target="#outline" '
            f'hx-select="#outline" hx-swap="outerHTML">{self.csrf}{buttons}</form>'
            f'<a class="button button--small button--danger" href="{self.delete_url(step.pk)}">'
            f"{label['delete']}{name}</a></div>"
        )

    def outline_step(self, step: Step, first: bool, last: bool) -> SafeString:
        return _safe(
            f'<article class="outline__step" id="step-{step.pk}" aria-labelledby="step-{step.pk}-heading">'
            f'<h4 id="step-{step.pk}-heading"><a href="{self.step_url(step.pk)}">{_e(step.name)}</a></h4>'
            f"{self.lanes_table(step)}{self.tools(step, first, last)}</article>"
        )

    # The visual grid: one row of cells per lane, a cell per step (an empty cell for an empty phase)

    @staticmethod
    def grid_row(phases, cell) -> SafeString:
        parts = []
        for phase in phases:
            if not phase.step_list:
                parts.append('<div class="journey-grid__empty"></div>')
            parts.extend(cell(step) for step in phase.step_list)
        return _safe("".join(parts))

    def grid_rows(self, phases, shared: bool) -> dict:
        """The grid's step names, lanes, live feedback, pain points and opportunities, each a row of cells."""

        def name(step) -> str:
            title = _e(step.name) if shared else f'<a href="{self.step_url(step.pk)}">{_e(step.name)}</a>'
            handoff = f'<span class="handoff">{_e(step.owner_text)}</span>' if step.owner_text else ""
            return f'<div class="journey-grid__step journey-grid__step--{_e(step.process)}">{title}{handoff}</div>'

        def lane(key):
            if key == "channel":
                return lambda step: f'<div class="journey-grid__cell">{self.channel.get(step.channel, "")}</div>'
            return lambda step: (
                f'<div class="journey-grid__cell">{_lines(getattr(step, key)) if getattr(step, key) else ""}</div>'
            )

        no_feedback = f'<span class="detail">{self.label["no_feedback"]}</span>'

        def live(step) -> str:
            return f'<div class="journey-grid__cell journey-grid__heat">{self.live_cells(step, no_feedback)}</div>'

        def pains(step) -> str:
            items = "".join(f"<li>{_e(pain.text)}</li>" for pain in step.pain_list)
            inner = f'<ul class="plain pain-list">{items}</ul>' if items else ""
            return f'<div class="journey-grid__cell">{inner}</div>'

        def opportunities(step) -> str:
            items = "".join(f"<li>{_e(item.title)} ({item.priority})</li>" for item in step.opportunity_list)
            inner = f'<ul class="plain opportunity-list">{items}</ul>' if items else ""
            return f'<div class="journey-grid__cell">{inner}</div>'

        return {
            "names": self.grid_row(phases, name),
            "lanes": [(label, self.grid_row(phases, lane(key))) for key, label in self.lanes],
            "live": self.grid_row(phases, live),
            "pains": self.grid_row(phases, pains),
            "opportunities": self.grid_row(phases, opportunities),
        }

    # The heat strip of the outline

    def heat_item(self, step: Step) -> str:
        headline, label = step.headline, self.label
        if headline is None:
            modifier, detail = "empty", f'<span class="detail">{label["no_feedback"]}</span>'
        elif headline.score.suppressed:
            modifier = headline.status or "none"
            detail = f'<span class="detail">{_e(headline.metric.name)}: {label["few"]}</span>'
        else:
            modifier = headline.status or "none"
            status = f'<span class="status">{label[headline.status]}</span>' if headline.status else ""
            value = _e(figure(headline.score.value, headline.metric))
            detail = f'<span class="detail">{_e(headline.metric.name)} {value} (n = {headline.score.n})</span>{status}'
        return (
            f'<li class="heat__step heat__step--{modifier}"><a href="{self.step_url(step.pk)}">{_e(step.name)}</a>'
            f"{detail}</li>"
        )

    def heat_strip(self, steps: list[Step]) -> SafeString:
        return _safe("".join(self.heat_item(step) for step in steps))

    # The emotion curves of the visual grid

    @staticmethod
    def curve_marks(curve, number: int) -> SafeString:
        """The dots of one persona's curve with their scores (+2 … −2), in whole pixels."""
        return _safe(
            "".join(
                f'<circle cx="{x}" cy="{y}" r="6" class="curve__dot curve__dot--{number}"/>'
                f'<text x="{x + 10}" y="{y + 4}" class="curve__label">{"+" if score > 0 else ""}{score}</text>'
                for x, y, score, _name in curve.dots
            )
        )

    # The PDF: the steps of a phase, a few to a page, as a table with a column per step

    @staticmethod
    def _handoff(step: Step) -> str:
        return f'<br><span class="handoff">{_e(step.owner_text)}</span>' if step.owner_text else ""

    def step_table(self, steps: list[Step]) -> SafeString:
        """A table whose columns are `steps` and whose rows are every lane (the PDF's page)."""
        label = self.label
        head = "".join(f'<th scope="col">{_e(step.name)}{self._handoff(step)}</th>' for step in steps)
        rows = [f"<thead><tr><td></td>{head}</tr></thead><tbody>"]

        def row(heading: str, cell) -> None:
            rows.append(f'<tr><th scope="row">{heading}</th>{"".join(f"<td>{cell(step)}</td>" for step in steps)}</tr>')

        row(label["process"], lambda step: self.process.get(step.process, ""))
        for key, text in self.lanes:
            if key == "channel":
                row(_e(text), lambda step: self.channel.get(step.channel) or "–")
            elif key == "touchpoint":
                row(_e(text), lambda step: _e(step.touchpoint or "–"))
            else:
                row(_e(text), lambda step, key=key: _lines(getattr(step, key)))
        for persona in self.personas:
            if any(persona.pk in step.emotion_of for step in steps):
                row(self.emotion_heading[persona.pk], lambda step, pk=persona.pk: self.emotion(step.emotion_of.get(pk)))
        row(label["live"], lambda step: self.live_cells(step, "–"))
        row(label["pains"], lambda step: "".join(f"<p>{_e(pain.text)}</p>" for pain in step.pain_list) or "–")
        row(
            label["opportunities"],
            lambda step: "".join(f"<p>{_e(item.title)} ({item.priority})</p>" for item in step.opportunity_list) or "–",
        )
        rows.append("</tbody>")
        return _safe(f'<table class="journey-pdf__table">{"".join(rows)}</table>')
