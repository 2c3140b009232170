# One image for Kuulo's web server, task worker and periodic jobs (deploy/compose.yaml runs all three).
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# gettext compiles the catalogues; pango and a font draw the PDF reports (weasyprint).
RUN apt-get update \
    && apt-get install -y --no-install-recommends gettext libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*

RUN useradd --create-home --uid 10001 --shell /usr/sbin/nologin kuulo
WORKDIR /app
COPY requirements.txt ./
RUN pip install -r requirements.txt
COPY --chown=kuulo:kuulo . .

# Static files and compiled catalogues are part of the image; the secret here is for the build only.
RUN python manage.py compilemessages --ignore=.venv -v0 \
    && KUULO_PRODUCTION=1 KUULO_SECRET_KEY=build-only KUULO_STATIC_ROOT=/app/static \
       python manage.py collectstatic --noinput -v0 \
    && mkdir -p /data && chown kuulo:kuulo /data

ENV KUULO_PRODUCTION=1 \
    KUULO_DATA_DIR=/data \
    KUULO_STATIC_ROOT=/app/static \
    KUULO_LOG_FORMAT=json \
    PROMETHEUS_MULTIPROC_DIR=/tmp/prometheus

USER kuulo
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4)"
CMD ["sh", "-c", "rm -rf $PROMETHEUS_MULTIPROC_DIR && mkdir -p $PROMETHEUS_MULTIPROC_DIR && exec gunicorn kuulo.wsgi --bind 0.0.0.0:8000 --workers ${KUULO_WEB_WORKERS:-4} --access-logfile - --forwarded-allow-ips '*'"]
