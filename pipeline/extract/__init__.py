"""Stage 3: claims (actor, type, topic) with their evidence, from annotated docs."""
