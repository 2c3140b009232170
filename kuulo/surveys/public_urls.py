"""Customer-facing URLs: no login, every language, WCAG 2.1 AA."""

app_name = "public"
urlpatterns: list = []
