"""Build the spaCy pipeline from settings: blank English by default.

The default needs nothing beyond the package registry. Setting
``[nlp] model`` to an installed pipeline name (e.g. ``en_core_web_sm``)
loads it instead; the project's sentence rules, actor ruler and linker are
added to it, so its parser and tagger can inform later rules.
"""

from __future__ import annotations

import spacy
from spacy.language import Language

import pipeline.annotate.linker
import pipeline.annotate.patterns
import pipeline.annotate.sentences
import pipeline.annotate.unknown  # noqa: F401  (registers the components' factories)
from pipeline.config import ConfigError, Settings
from pipeline.knowledge.bundle import Knowledge, share

BLANK_PREFIX = "blank:"
# The components build_nlp adds to the base model; all others come from the model.
PROJECT_COMPONENTS = frozenset(
    {
        "news_sentencizer",
        "line_break_sentences",
        "actor_ruler",
        "unknown_actor_finder",
        "actor_linker",
    }
)


def load_base_model(name: str) -> Language:
    """``blank:<lang>`` or the name/path of an installed spaCy pipeline."""
    if name.startswith(BLANK_PREFIX):
        return spacy.blank(name.removeprefix(BLANK_PREFIX))
    try:
        return spacy.load(name)
    except OSError as error:
        raise ConfigError(
            f"spaCy pipeline '{name}' is not installed. Install it into this environment "
            f"(e.g. `pip install {name}` from a wheel you have), or set [nlp] model = "
            f'"blank:en" in your settings file.'
        ) from error


def build_nlp(settings: Settings, knowledge: Knowledge | None = None) -> Language:
    """The full annotation pipeline: sentences, actor candidates, linked mentions.

    The actor ruler and linker take their actors and cue lists from ``knowledge``
    (the shipped knowledge when it is None).
    """
    nlp = load_base_model(settings.nlp.model)
    sentences = settings.nlp.sentences
    if sentences == "rules":
        nlp.add_pipe("news_sentencizer", first=True)
    elif sentences == "model":
        splitters = [name for name in nlp.pipe_names if name in {"parser", "senter"}]
        if not splitters:
            raise ConfigError(
                '[nlp] sentences = "model" needs a pipeline with a parser or '
                'senter; use sentences = "rules" with a blank model.'
            )
        nlp.add_pipe("line_break_sentences", before=splitters[0])
    else:
        raise ConfigError(f'[nlp] sentences must be "rules" or "model", not {sentences!r}')
    key = share(knowledge) if knowledge is not None else ""
    nlp.add_pipe("actor_ruler", config={"knowledge": key})
    nlp.add_pipe("unknown_actor_finder", config={"knowledge": key})
    nlp.add_pipe("actor_linker", config={"knowledge": key})
    return nlp
