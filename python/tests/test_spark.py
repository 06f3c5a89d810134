"""The Spark job in ``local[2]`` gives the same events and findings as ``parallax compare``:
on the sample corpus (with a second file of short stories that exercise the clustering:
two events of one kind, an undated pair, one outlet's articles two days apart, a repeated
id, a bad line), and on basil-dev
when ``../shared/data/basil-dev`` is present. Its ``events.jsonl``, ``articles.jsonl``
and ``errors.jsonl`` are compared byte for byte with the command line's when a built
``parallax`` binary is found, and always, as JSON, with the ``compare`` binding."""

import json
import os
import pathlib
import subprocess

import pytest

pytest.importorskip("pyspark")

import parallax  # noqa: E402
from parallax import spark as job  # noqa: E402
from sample_corpus import corpus_articles  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parents[2]
BASIL = ROOT.parent / "shared" / "data" / "basil-dev" / "articles.jsonl"

SENATE = (
    "The Senate voted on Tuesday to approve the budget bill after Senator Maria Delgado "
    "negotiated with Republican leaders over spending cuts for highways and schools. "
    "\u201cThis is a fair deal,\u201d Delgado said."
)
STORM = (
    "A powerful storm flooded coastal towns in Oregon, forcing hundreds of families to "
    "evacuate as rivers rose overnight, Governor Kate Brown said."
)
QUAKE = (
    "A magnitude {m} earthquake struck the {side} province of {place} on Monday, killing "
    "{dead} people in the town of {town} and injuring {hurt}, the Red Crescent said. Rescue "
    "teams searched collapsed homes through the night."
)
DAM = (
    "The Clearwater county council approved the Harlan river dam on Monday after engineers "
    "from Brightwell Consulting said the reservoir would hold 40 million cubic meters."
)


def stories():
    """Short stories, as JSONL lines: events that must join and events that must not."""
    north = QUAKE.format(m="6.1", side="northern", place="Qazvin", dead=42, town="Abyek", hurt=300)
    south = QUAKE.format(m="5.4", side="southern", place="Kerman", dead=17, town="Ravar", hurt=90)
    articles = [
        {"id": "senate-1", "outlet": "A", "title": "Senate approves budget bill", "published": "2016-03-01", "text": SENATE},
        {"id": "storm", "outlet": "A", "title": "Storm floods Oregon coast", "published": "2016-03-01", "text": STORM},
        {"id": "quake-n1", "outlet": "A", "title": "Earthquake kills 42 in Qazvin", "published": "2016-03-07", "text": north},
        {"id": "quake-s1", "outlet": "B", "title": "Earthquake kills 17 in Kerman", "published": "2016-03-07", "text": south},
        {"id": "senate-1", "outlet": "B", "title": "Budget bill passes the Senate", "published": "2016-03-02", "text": SENATE.replace("fair", "good")},
        {"id": "quake-n2", "outlet": "C", "title": "Deadly earthquake hits Qazvin", "published": "2016-03-08", "text": north},
        {"id": "quake-s2", "outlet": "C", "title": "Deadly earthquake hits Kerman", "published": "2016-03-09", "text": south},
        {"id": "storm-undated", "outlet": "B", "title": "Oregon storm floods towns", "text": STORM},
        {"id": "senate-old", "outlet": "C", "title": "Senate approves budget bill", "published": "2015-06-01", "text": SENATE},
        # One outlet's two articles two days apart are two stories (its name compared
        # without case or spaces), however alike their words.
        {"id": "dam-vote", "outlet": "Daily Post", "title": "Council approves Harlan dam", "published": "2016-04-04", "text": DAM},
        {"id": "dam-later", "outlet": " daily post", "title": "Council approves Harlan dam", "published": "2016-04-06", "text": DAM},
    ]
    lines = [json.dumps(a, ensure_ascii=False) for a in articles]
    # A blank line and a line that is not an article, as a run meets them.
    return lines[:4] + ["", '{"title": "no text"}'] + lines[4:]


@pytest.fixture(scope="module")
def spark():
    session = job.session("local[2]", app_name="parallax-test", memory="2g")
    yield session
    session.stop()


def run_job(spark, inputs, out):
    job.run(spark, [str(path) for path in inputs], str(out), merge=True)
    return {name: (out / f"{name}.jsonl").read_text(encoding="utf-8") for name in ("events", "articles", "errors")}


def command_line():
    """The ``parallax`` binary: ``$PARALLAX_BIN``, else the newest build in ``target/``
    (``.ci/run`` builds both before the Python tests), else None."""
    if os.environ.get("PARALLAX_BIN"):
        return pathlib.Path(os.environ["PARALLAX_BIN"])
    built = [ROOT / "target" / profile / "parallax" for profile in ("release", "debug")]
    built = [binary for binary in built if binary.exists()]
    return max(built, key=lambda binary: binary.stat().st_mtime, default=None)


def check_against_command_line(inputs, spark_out, tmp_path):
    binary = command_line()
    if binary is None:
        return
    out = tmp_path / "cli"
    done = subprocess.run(
        [str(binary), "compare", *map(str, inputs), "--format", "jsonl", "--out", str(out)],
        capture_output=True,
    )
    # Status 1: some lines could not be read (listed in errors.jsonl).
    assert done.returncode in (0, 1), done.stderr
    for name in ("events", "articles", "errors"):
        assert spark_out[name] == (out / f"{name}.jsonl").read_text(encoding="utf-8"), name


def check_against_binding(lines, spark_out):
    """The binding's report over the same articles: the same events, alignments,
    divergences and statements (the binding names sources ``articles#N``)."""
    articles = [json.loads(line) for line in lines if line.strip()]
    report = parallax.compare(articles)
    events = [json.loads(line) for line in spark_out["events"].splitlines()]
    assert [e["articles"] for e in events] == [e["articles"] for e in report["events"]]
    assert events == report["events"]
    extracted = [json.loads(line) for line in spark_out["articles"].splitlines()]
    assert {a["article"]["id"]: a["statements"] for a in extracted} == report["statements"]
    return events


def test_sample_corpus_and_stories_give_the_same_events_and_findings(spark, tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    corpus_lines = [json.dumps(a, ensure_ascii=False) for a in corpus_articles()]
    corpus.write_text("\n".join(corpus_lines) + "\n", encoding="utf-8")
    more = tmp_path / "stories.jsonl"
    more.write_text("\n".join(stories()) + "\n", encoding="utf-8")
    inputs = [corpus, more]
    spark_out = run_job(spark, inputs, tmp_path / "spark")
    check_against_command_line(inputs, spark_out, tmp_path)
    events = check_against_binding(corpus_lines + stories(), spark_out)
    groups = [e["articles"] for e in events]
    assert groups == [
        ["000_38e313115e04f0bc", "001_3d0f0b47cbf9b892"],
        ["senate-1", "senate-1~2"],
        ["storm", "storm-undated"],
        ["quake-n1", "quake-n2"],
        ["quake-s1", "quake-s2"],
        ["senate-old"],
        ["dam-vote"],
        ["dam-later"],
    ]
    types = {d["type"] for d in events[0]["divergences"]}
    assert {"misattribution", "contradiction", "loaded_language", "omission"} <= types
    errors = [json.loads(line) for line in spark_out["errors"].splitlines()]
    assert [e["source"] for e in errors] == [f"{more}:6"]


@pytest.mark.skipif(not BASIL.exists(), reason="../shared/data/basil-dev is not here")
def test_basil_dev_gives_the_same_events_and_findings(spark, tmp_path):
    spark_out = run_job(spark, [BASIL], tmp_path / "spark")
    check_against_command_line([BASIL], spark_out, tmp_path)
    lines = BASIL.read_text(encoding="utf-8").splitlines()
    events = check_against_binding(lines, spark_out)
    assert len(events) >= 60
