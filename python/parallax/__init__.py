"""parallax for Python: who said what in news articles, and how outlets' accounts of one
event differ.

Articles are dicts as in parallax's JSON input: ``text`` (required), ``id``, ``outlet``,
``title``, ``published``, ``url``. Results are the dicts of the output contract
(``../shared/spec/output-format.md`` and the README): spans are UTF-8 byte offsets into
the article text.
"""

import json

from . import _native

__all__ = ["extract", "compare"]


def extract(articles, with_text=False):
    """Statements, speakers, framing and cited sources of each article.

    Returns one dict per article, in input order: ``{"article": {...}, "statements":
    [...], "framing": [...]}``. Raises ``ValueError`` naming the first article that
    cannot be read (``articles#N``, counted from 1).
    """
    return json.loads(_native.extract(json.dumps(list(articles)), with_text))


def compare(articles):
    """Groups the articles into events and compares how they report each one.

    Returns the report dict: ``articles``, ``statements``, ``framing``, ``events``
    (with ``alignments``, ``divergences`` and ``only_in``) and ``errors`` (articles that
    could not be read, named ``articles#N``).
    """
    return json.loads(_native.compare(json.dumps(list(articles))))
