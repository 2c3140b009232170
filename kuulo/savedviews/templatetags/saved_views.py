from django import template

from kuulo.savedviews.access import visible_views
from kuulo.savedviews.forms import SavedViewForm

register = template.Library()


@register.inclusion_tag("savedviews/_panel.html", takes_context=True)
def saved_views(context, service, page: str) -> dict:
    """The saved views of `page` ("dashboard" or "comments") and a form saving the filters now shown."""
    request = context["request"]
    form = SavedViewForm(initial={"page": page, "query": request.GET.urlencode()}, auto_id="saved-view-%s")
    views = [view for view in visible_views(request.user, service) if view.page == page]
    return {"service": service, "views": views, "form": form, "user": request.user, "page": page}
