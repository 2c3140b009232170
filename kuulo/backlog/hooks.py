"""What backlog changes tell the apps above the backlog (see kuulo.lib.hooks).

The Jira integration sits above the backlog (its sync changes items through these actions), so it
registers its handler in IntegrationsConfig.ready().
"""

from kuulo.lib.hooks import Hook

# Called with (item, origin) after an item's status changed, inside the transaction. `origin` says
# where the change came from: "kuulo" for people and the API, or the name of the system that made
# it ("jira"), so that a change is never sent back to where it came from.
status_changed = Hook("backlog item status changed")
