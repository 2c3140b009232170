"""Backlog items and their Jira issues, kept in step.

Direction rule: the last change wins, and neither side echoes the other.
- A status change made in Kuulo (by a person) is sent to Jira at once as a
  transition (a task after the commit). Afterwards the link remembers Jira's
  new status, so the next sync sees no change on Jira's side.
- `sync_service` reads the statuses of the linked issues. Where Jira's status
  differs from the one last seen, someone changed it in Jira: the item moves
  through the backlog's change_status, recorded as made by the user "Jira".
  with origin "jira"; kuulo.integrations.hooks sends no such change back, which
  stops any ping-pong.
- Where Jira's status is unchanged but the item's differs (a transition that
  failed earlier), the sync tries the transition again.
Statuses are compared by meaning: idea counts as ready and verified as done,
so Jira's "Done" never moves a verified item back to done.
"""

import logging
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.utils import timezone

from kuulo.backlog import actions
from kuulo.backlog.models import BacklogItem
from kuulo.integrations.jira import Client, JiraError, adf, label
from kuulo.integrations.models import JiraConfig, JiraLink

logger = logging.getLogger(__name__)

JIRA_USERNAME = "jira"
# Kuulo statuses that mean the same on Jira's coarser scale.
EQUIVALENT = {"idea": "ready", "verified": "done"}


def jira_user():
    """The inactive user in whose name changes coming from Jira are recorded ("Jira" in the history)."""
    user, created = get_user_model().objects.get_or_create(
        username=JIRA_USERNAME, defaults={"first_name": "Jira", "is_active": False}
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def kuulo_status_for(config: JiraConfig, status: dict) -> str | None:
    """The Kuulo status for a Jira status ({"name", "statusCategory": {"key"}}): by name, else by category."""
    mapping = config.status_map or {}
    name = status.get("name", "")
    by_name = {key.casefold(): value for key, value in (mapping.get("names") or {}).items()}
    if name.casefold() in by_name:
        return by_name[name.casefold()] or None
    category = (status.get("statusCategory") or {}).get("key", "")
    return (mapping.get("categories") or {}).get(category) or None


def same_meaning(kuulo_status: str, other: str | None) -> bool:
    return other is not None and EQUIVALENT.get(kuulo_status, kuulo_status) == EQUIVALENT.get(other, other)


def send_item(item: BacklogItem, config: JiraConfig) -> JiraLink:
    """Creates the item's issue in Jira and links it. Raises JiraError."""
    fields = {
        "project": {"key": config.project_key},
        "issuetype": {"name": config.issue_type},
        "summary": item.title[:255],
        "description": adf(item.description or item.title),
        "labels": [label(tag.name) for tag in item.tags.all()],
    }
    answer = Client.for_config(config).create_issue(fields)
    link, _ = JiraLink.objects.update_or_create(
        item=item,
        defaults={
            "key": answer["key"],
            "self_url": answer.get("self", ""),
            "synced_at": timezone.now(),
            "last_error": "",
        },
    )
    # The new issue starts in the project's first status; bring it to the item's if they differ.
    push_status(link, config)
    return link


def push_status(link: JiraLink, config: JiraConfig | None = None) -> bool:
    """Moves the Jira issue to a status that means the item's status. True when Jira moved.

    Remembers Jira's status afterwards. Errors are stored on the link, not raised.
    """
    config = config or link.item.service.jira_config
    item = link.item
    if item.status == BacklogItem.Status.DISMISSED:
        return False
    try:
        client = Client.for_config(config)
        current = client.statuses([link.key]).get(link.key)
        if current is None:
            raise JiraError("not_found")
        if same_meaning(item.status, kuulo_status_for(config, current)):
            _seen(link, current["name"])
            return False
        choices = client.transitions(link.key)
        target = next(
            (
                choice
                for choice in choices
                if same_meaning(item.status, kuulo_status_for(config, choice.get("to") or {}))
            ),
            None,
        )
        if target is None:
            raise JiraError("no_transition")
        client.transition(link.key, target["id"])
    except JiraError as error:
        link.last_error = error.code
        link.save(update_fields=["last_error"])
        return False
    _seen(link, target["to"].get("name", ""))
    return True


def _seen(link: JiraLink, status_name: str) -> None:
    link.last_status, link.synced_at, link.last_error = status_name, timezone.now(), ""
    link.save(update_fields=["last_status", "synced_at", "last_error"])


@dataclass
class SyncResult:
    checked: int = 0
    moved: list[str] = field(default_factory=list)  # issue keys whose item moved
    pushed: list[str] = field(default_factory=list)  # issue keys moved in Jira again
    error: str = ""  # an error code for the whole run
    missing: list[str] = field(default_factory=list)


def sync_service(config: JiraConfig) -> SyncResult:
    """Brings Jira's status changes into Kuulo (see the module's rules). Never raises JiraError."""
    result = SyncResult()
    if not config.enabled:
        return result
    if config.credential_state == "unreadable":
        # Skip the service, whether or not it has issues yet; the settings page shows the problem.
        logger.warning(
            "Jira sync skipped for service %s: its saved API token cannot be decrypted with the configured "
            "keys (KUULO_FIELD_KEY, KUULO_FIELD_KEYS_OLD). A product owner must enter the token again.",
            config.service_id,
        )
        config.last_error = result.error = "token_unreadable"
        config.save(update_fields=["last_error"])
        return result
    links = {link.key: link for link in JiraLink.objects.filter(item__service=config.service).select_related("item")}
    if not links:
        return result
    try:
        statuses = Client.for_config(config).statuses(list(links))
    except JiraError as error:
        config.last_error = error.code
        config.save(update_fields=["last_error"])
        result.error = error.code
        return result
    who = jira_user()
    for key, link in links.items():
        result.checked += 1
        status = statuses.get(key)
        if status is None:
            link.last_error = "not_found"
            link.save(update_fields=["last_error"])
            result.missing.append(key)
            continue
        wanted = kuulo_status_for(config, status)
        item = link.item
        if status["name"] != link.last_status:
            if wanted and not same_meaning(item.status, wanted):
                actions.change_status(item, who, wanted, origin="jira")
                result.moved.append(key)
            _seen(link, status["name"])
        elif wanted and not same_meaning(item.status, wanted):
            if push_status(link, config):
                result.pushed.append(key)
        elif link.last_error:
            _seen(link, status["name"])
    config.last_synced_at, config.last_error = timezone.now(), ""
    config.save(update_fields=["last_synced_at", "last_error"])
    return result
