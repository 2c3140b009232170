"""Customer-facing collection: the questions as a customer sees them, and the widget's JSON endpoints."""
