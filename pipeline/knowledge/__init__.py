"""Loaders for the project's knowledge files: actors, cue words, topic lexicons."""
