"""The repository's sample corpus (`corpus/`) as article dicts, for the tests."""

import pathlib

CORPUS = pathlib.Path(__file__).resolve().parents[2] / "corpus"


def corpus_articles():
    """The two sample articles as dicts (front matter read by hand)."""
    articles = []
    for path in sorted(CORPUS.glob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        _, header, body = raw.split("---\n", 2)
        article = {"id": path.stem, "text": body}
        for line in header.splitlines():
            key, value = line.split(": ", 1)
            article[key] = value
        articles.append(article)
    return articles
