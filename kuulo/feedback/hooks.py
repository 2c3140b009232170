"""What storing responses tells the apps above feedback (see kuulo.lib.hooks).

Comment analysis (kuulo.comments) reads feedback's Comment rows, so it sits above feedback; it
registers its handlers in CommentsConfig.ready().
"""

from kuulo.lib.hooks import Hook, Lookup

# Called with the ids of responses whose comments were stored or accepted, inside the transaction.
comments_stored = Hook("comments stored")
# Called when which comments count changed (a response accepted or discarded), inside the transaction.
comments_changed = Hook("comments changed")
# The path of a service's public "you said, we did" page when it has something to show, else "";
# kuulo.effects answers it. The thank-you of the widget and of the survey page link to it.
we_did_path = Lookup("the service's public 'you said, we did' page", default="")
