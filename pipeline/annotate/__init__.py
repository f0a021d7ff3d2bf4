"""Stage 2: sentences and actor mentions, stored as spaCy Docs."""
