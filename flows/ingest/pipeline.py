"""The text steps in order: markup → characters → traditional → whitespace → boilerplate → broken paragraphs.

Each step takes and returns a `MappedText`, so the offset map back to the original survives all
of them. Cleaning runs on normalised text so its rules are written against half-width forms only.
"""
from __future__ import annotations

from flows.ingest.clean import clean
from flows.ingest.mapped import MappedText
from flows.ingest.markup import strip_markup
from flows.ingest.normalise import normalise_characters, normalise_whitespace
from flows.ingest.rejoin import rejoin
from flows.ingest.traditional import to_simplified


def prepare_text(original: str) -> MappedText:
    text = MappedText.identity(original)
    text = strip_markup(text)
    text = normalise_characters(text)
    text = to_simplified(text)  # rules are written in simplified characters; 1:1, offsets kept
    text = normalise_whitespace(text)
    text = clean(text)
    return rejoin(text)
