"""Who demanded, conceded and rejected what: claims from news on Russia-Ukraine diplomacy."""

__version__ = "0.1.0"
