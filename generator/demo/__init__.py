"""Sample and synthetic media for demos and tests (never real people)."""
