"""The Python bindings on the sample corpus: the same statements and findings as the
command line, spans that slice the text, errors that name the article."""


import pytest

import parallax

from sample_corpus import corpus_articles  # noqa: E402


def test_extract_finds_who_said_what():
    lines = parallax.extract(corpus_articles())
    assert [line["article"]["id"] for line in lines] == [
        "000_38e313115e04f0bc",
        "001_3d0f0b47cbf9b892",
    ]
    speakers = {s["speaker"]["name"] for s in lines[1]["statements"]}
    assert {"Tammy Bruce", "Yuri Ushakov", "Kirill Dmitriev"} <= speakers
    for line, article in zip(lines, corpus_articles()):
        body = article["text"].encode("utf-8")
        for statement in line["statements"]:
            content = statement["content"]
            assert body[content["start"]:content["end"]].decode("utf-8") == content["text"]


def test_compare_shows_the_differences_in_other_words():
    report = parallax.compare(corpus_articles())
    assert len(report["events"]) == 1
    event = report["events"][0]
    types = {d["type"] for d in event["divergences"]}
    assert {"misattribution", "contradiction", "loaded_language", "omission"} <= types
    assert all(0.0 <= d["confidence"] <= 1.0 for d in event["divergences"])
    assert report["errors"] == []


def test_an_article_without_text_is_named():
    with pytest.raises(ValueError, match=r"articles#2: invalid article"):
        parallax.extract([{"text": "He said so."}, {"title": "no text"}])
    report = parallax.compare([{"text": "He said so."}, {"title": "no text"}])
    assert [e["source"] for e in report["errors"]] == ["articles#2"]


def test_extract_with_text_carries_the_body():
    lines = parallax.extract([{"id": "a", "text": "“We won,” Ana Ruiz said."}], with_text=True)
    assert lines[0]["article"]["text"] == "“We won,” Ana Ruiz said."
    assert lines[0]["statements"][0]["speaker"]["name"] == "Ana Ruiz"
