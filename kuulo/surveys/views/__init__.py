"""Staff views of surveys: the builder (surveys, versions, questions) and collection points."""
