"""Every page carries the security headers an IT department's checklist asks for."""

import pytest


@pytest.mark.parametrize("path", ["/accounts/login/", "/healthz"])
def test_pages_carry_the_policy_headers(client, db, path):
    response = client.get(path)
    policy = response["Content-Security-Policy"]
    for directive in ("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'", "object-src 'none'"):
        assert directive in policy
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    assert "unsafe" not in directives["script-src"] and "unsafe-eval" not in policy
    assert "unsafe" not in directives["style-src-elem"]  # only style attributes may be inline
    assert "camera=()" in response["Permissions-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


def test_staff_pages_carry_the_policy_too(client_as):
    response = client_as("viewer").get("/")
    assert "script-src 'self'" in response["Content-Security-Policy"]
