"""Kuulo's settings plus one bare view, so benchmarks can compare the widget
endpoint with the cost of the stack itself."""

from kuulo.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "ERROR"}}
