"""Filters read from a page's address, forgiving what they cannot use.

A filter value that is not valid (a hand-edited or outdated link: a channel
that does not exist, a retired customer group, a broken date) does not stop
the page: that filter falls back to its default and the page says so with a
notice, instead of answering 400.
"""

from django.contrib import messages
from django.http import HttpRequest
from django.utils.translation import gettext as _


def bind_filters(request: HttpRequest, form_class, data, **kwargs):
    """The filter form bound to `data` (None: unbound), with every field whose value was not
    valid left out; a notice on the request names those fields."""
    form = form_class(data, **kwargs)
    if data is None or not form.is_bound or form.is_valid():
        return form
    data = data.copy()
    dropped: list[str] = []
    for _attempt in range(3):  # leaving one out may reveal another (e.g. a date range check)
        bad = [name for name in form.errors if name in form.fields and name in data]
        if not bad:
            break
        for name in bad:
            data.pop(name, None)
            label = form.fields[name].label
            dropped.append(str(label) if label else name)
        form = form_class(data, **kwargs)
        if form.is_valid():
            break
    if not form.is_valid():  # what is left is still not valid: start from the defaults
        form = form_class(data.__class__(), **kwargs)
        form.is_valid()
    if dropped:
        names = ", ".join(dict.fromkeys(dropped))
        message = _("Some filters in the address were not valid, so the page uses their defaults: %(filters)s.")
        messages.warning(request, message % {"filters": names})
    return form
