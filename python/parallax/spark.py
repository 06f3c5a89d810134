"""parallax compare on Spark: the same events and findings as ``parallax compare
--format jsonl``, computed over many machines.

Takes JSONL files of articles (as ``parallax compare`` reads them); writes into an output
folder ``events/``, ``articles/`` and ``errors/`` (text part files whose concatenation
in name order is ``events.jsonl``, ``articles.jsonl`` and ``errors.jsonl``, byte for byte
as ``parallax compare --format jsonl`` writes them), and with ``--merge`` the three
files themselves (local output folders only).

The stages, each over the bindings (``parallax._native``) in the executors:

1. read: the lines of each file, numbered, parsed as a run parses them; an article's
   place in the run is ``idx`` = file rank × 2⁴⁰ + line number;
2. features (``mapInPandas``): each article's stem and entity terms, its day, its
   outlet, and the speaker names its extraction gives;
3. run-wide quantities (Spark aggregations): each term's document frequency and id
   (terms numbered in the order they first occur, as the one-process run numbers
   them), and the canonical speaker names (every name, in run order, fed to the name
   registry on the driver and broadcast);
4. records (``mapInPandas``): each article's TF-IDF vectors from its terms' statistics,
   with its day and outlet (one outlet's articles two days apart or more are two
   stories);
5. candidate pairs: postings grouped by term and week unit, terms rare within a unit and
   its neighbours (or, for undated articles, over the run), pairs sharing enough rare
   terms, each dated article keeping its 24 partners sharing the most; their similarity
   (``mapInPandas``); edges at or above the edge threshold (below the link threshold:
   a lone article left by average link may still join its one clear partner by them);
6. connected groups of the edges (label propagation), then average-link merging and the
   lone articles' second pass inside each group (cogrouped ``applyInPandas``): the events;
7. each event compared (``applyInPandas``: extraction, canonical names, alignment,
   scoring, its ``events.jsonl`` line), then numbered across the run (a running sum of
   alignments and divergences in event order) and written.

Run it with ``python -m parallax.spark INPUT... --out DIR`` (local, ``local[2]``) or with
``spark-submit`` (see the README).
"""

import argparse
import os
import shutil
import sys

from parallax import _native

# The columns an article travels with, in the bindings' tuple order.
ARTICLE_FIELDS = ["id", "outlet", "title", "published", "url", "source", "text", "text_is_derived"]
ARTICLE_SCHEMA = (
    "idx long, id string, outlet string, title string, published string, url string, "
    "source string, text string, text_is_derived boolean"
)
RECORD_FIELDS = ["day", "outlet", "stem_ids", "stem_weights", "entity_ids", "entity_weights"]
RECORD_SCHEMA = (
    "idx long, day long, outlet string, stem_ids array<long>, stem_weights array<double>, "
    "entity_ids array<long>, entity_weights array<double>"
)
# An article's place in the run: its file's rank in the inputs, then its line number.
LINE_BITS = 40


def session(master="local[2]", app_name="parallax", memory="1g"):
    """A Spark session for a run on this machine: no UI, loopback only, few partitions."""
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    return (
        SparkSession.builder.master(master)
        .appName(app_name)
        .config("spark.ui.enabled", "false")
        .config("spark.driver.memory", memory)
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.default.parallelism", "2")
        .config("spark.sql.session.timeZone", "UTC")
        .getOrCreate()
    )


def run(spark, inputs, out_dir, merge=False):
    """Compares the articles of the JSONL files ``inputs`` (paths as they would be given
    to ``parallax compare``) and writes the results into ``out_dir``. Returns counts."""
    from pyspark.sql import functions as F

    clock = _Clock()
    articles, errors = read(spark, inputs)
    articles = make_ids_unique(spark, articles).cache()
    n_documents = articles.count()
    clock.lap("read")
    features = articles.mapInPandas(_features, FEATURES_SCHEMA).cache()
    names = canonical_names(spark, features)
    clock.lap("features and names")
    records = article_records(features, n_documents).cache()
    records.count()
    clock.lap("records")
    edges = similarity_edges(candidate_pairs(records), records).cache()
    edges.count()
    clock.lap("edges")
    membership = events_of(spark, records, edges).cache()
    membership.count()
    clock.lap("events")
    compared = compare_events(spark, articles, membership, names).cache()
    compared.count()
    clock.lap("compare")
    write_outputs(spark, compared, errors, out_dir)
    clock.lap("write")
    if merge:
        for name in ("events", "articles", "errors"):
            merge_parts(os.path.join(out_dir, name), os.path.join(out_dir, name + ".jsonl"))
    counts = compared.agg(F.count("*"), F.sum("n_divergences")).first()
    return {"articles": n_documents, "events": counts[0], "divergences": counts[1] or 0}


class _Clock:
    """Prints the seconds each stage took on stderr."""

    def __init__(self):
        import time

        self.now = time.monotonic
        self.last = self.now()

    def lap(self, stage):
        now = self.now()
        print(f"parallax.spark: {stage} {now - self.last:.1f} s", file=sys.stderr)
        self.last = now


# ---------------------------------------------------------------- reading


def read(spark, inputs):
    """Articles (``ARTICLE_SCHEMA``) and input errors ``(idx, line)`` of the JSONL files."""
    from pyspark.sql import functions as F

    sc = spark.sparkContext
    lines = None
    for rank, path in enumerate(inputs):
        names = _native.jsonl_names(path)
        if names is None:
            raise ValueError(f"{path}: not a .jsonl or .jsonl.gz file")
        label, stem = names
        # Lines as bytes: invalid UTF-8 is the run's error to report, not Python's.
        numbered = sc.textFile(path, use_unicode=False).zipWithIndex().map(
            lambda pair, rank=rank, label=label, stem=stem: (
                (rank << LINE_BITS) | (pair[1] + 1),
                pair[1] + 1,
                label,
                stem,
                bytes(pair[0]),
            )
        )
        lines = numbered if lines is None else lines.union(numbered)
    schema = "idx long, line_no long, label string, stem string, line binary"
    parsed = spark.createDataFrame(lines, schema).mapInPandas(_parse, ARTICLE_SCHEMA + ", error string")
    parsed = parsed.cache()
    articles = parsed.filter(F.col("error").isNull()).drop("error")
    errors = parsed.filter(F.col("error").isNotNull()).select("idx", F.col("error").alias("line"))
    return articles, errors


def _parse(batches):
    import pandas as pd

    for batch in batches:
        # A run skips lines of ASCII whitespace only.
        batch = batch[[bool(bytes(line).strip(b" \t\n\r\x0c")) for line in batch["line"]]]
        rows = zip(batch["line"], batch["label"], batch["stem"], batch["line_no"])
        read = _native.read_jsonl_lines([(bytes(line), label, stem, int(n)) for line, label, stem, n in rows])
        out = []
        for idx, (article, error) in zip(batch["idx"], read):
            if article is not None:
                out.append((int(idx), *article, None))
            else:
                out.append((int(idx), *([None] * 7), False, _native.error_line(*error)))
        yield pd.DataFrame(out, columns=["idx", *ARTICLE_FIELDS, "error"])


def make_ids_unique(spark, articles):
    """Repeated ids get ``~2``, ``~3``, ... in run order, as in a run. Only when some id
    repeats are the ids gathered on the driver."""
    from pyspark.sql import functions as F

    repeated = articles.groupBy("id").count().filter(F.col("count") > 1).limit(1).count()
    if repeated == 0:
        return articles
    ordered = articles.select("idx", "id").orderBy("idx").collect()
    unique = _native.unique_ids([row.id for row in ordered])
    ids = spark.createDataFrame([(row.idx, id) for row, id in zip(ordered, unique)], "idx long, id string")
    return articles.drop("id").join(ids, "idx").select("idx", *ARTICLE_FIELDS)


# ---------------------------------------------------------------- features and run-wide quantities

FEATURES_SCHEMA = (
    "idx long, day long, outlet string, stems array<string>, entities array<string>, names array<string>"
)


def _article_rows(batch):
    return [
        (row.id, _none(row.outlet), _none(row.title), _none(row.published), _none(row.url), row.source, row.text, bool(row.text_is_derived))
        for row in batch.itertuples(index=False)
    ]


def _none(value):
    """A missing value as None (pandas gives NaN or None for a null string)."""
    return value if isinstance(value, str) else None


def _features(batches):
    import pandas as pd

    for batch in batches:
        found = _native.article_features(_article_rows(batch))
        rows = [
            (int(idx), day, _none(outlet), stems, entities, names)
            for idx, outlet, (stems, entities, day, names) in zip(batch["idx"], batch["outlet"], found)
        ]
        frame = pd.DataFrame(rows, columns=["idx", "day", "outlet", "stems", "entities", "names"])
        frame["day"] = pd.array(frame["day"].tolist(), dtype="Int64")
        yield frame


def canonical_names(spark, features):
    """Every speaker name of the run in run order, made canonical on the driver (the name
    registry reads them in order), broadcast as a map."""
    from pyspark.sql import functions as F

    rows = features.filter(F.size("names") > 0).select("idx", "names").orderBy("idx").collect()
    names = [name for row in rows for name in row.names]
    return spark.sparkContext.broadcast(_native.CanonicalNames(names).forms())


def term_stats(features, column):
    """``(term, id, df)`` of the stem or entity terms: document frequency over the run,
    ids in the order terms first occur (article by article, in text order)."""
    from pyspark.sql import functions as F

    occurrences = features.select("idx", F.posexplode(column).alias("pos", "term"))
    terms = occurrences.groupBy("term").agg(
        F.min(F.struct("idx", "pos")).alias("first"), F.countDistinct("idx").alias("df")
    )
    ordered = terms.orderBy("first.idx", "first.pos").select("term", "df")
    numbered = ordered.rdd.zipWithIndex().map(lambda pair: (pair[0][0], pair[1], pair[0][1]))
    return features.sparkSession.createDataFrame(numbered, "term string, id long, df long")


def article_records(features, n_documents):
    """Each article's record (``RECORD_SCHEMA``): its unit TF-IDF vectors over the run."""
    from pyspark.sql import functions as F

    frame = features.select("idx", "day", "outlet", "stems", "entities")
    for column in ("stems", "entities"):
        stats = term_stats(features, column)
        per_article = (
            features.select("idx", F.explode(F.array_distinct(column)).alias("term"))
            .join(stats, "term")
            .groupBy("idx")
            .agg(F.collect_list(F.struct("term", "id", "df")).alias(column + "_stats"))
        )
        frame = frame.join(per_article, "idx", "left")

    def records(batches, n_documents=n_documents):
        import pandas as pd

        for batch in batches:
            rows = [
                (
                    _day(row.day),
                    _none(row.outlet),
                    _list(row.stems),
                    _list(row.entities),
                    [(s["term"], int(s["id"]), int(s["df"])) for s in _list(row.stems_stats)],
                    [(s["term"], int(s["id"]), int(s["df"])) for s in _list(row.entities_stats)],
                )
                for row in batch.itertuples(index=False)
            ]
            made = _native.article_records(rows, n_documents)
            frame = pd.DataFrame(
                [(int(idx), *record) for idx, record in zip(batch["idx"], made)],
                columns=["idx", *RECORD_FIELDS],
            )
            frame["day"] = pd.array(frame["day"].tolist(), dtype="Int64")
            yield frame

    return frame.mapInPandas(records, RECORD_SCHEMA)


def _list(value):
    """An array cell as a list (pandas gives a numpy array, or None for null)."""
    if value is None or (isinstance(value, float) and value != value):
        return []
    return value.tolist() if hasattr(value, "tolist") else list(value)


def _day(value):
    """A day cell as an int or None (pandas gives NaN or NA for null)."""
    import pandas as pd

    return None if value is None or pd.isna(value) else int(value)


# ---------------------------------------------------------------- candidate pairs and edges


def candidate_pairs(records):
    """Pairs ``(i, j)``, ``i < j``, sharing at least ``MIN_SHARED_TERMS`` terms rare for
    them. A dated article looks in its window (its unit and the two neighbours) through
    its terms in 2 to ``MAX_CANDIDATE_DF`` articles of that window, and keeps the
    ``MAX_CANDIDATES`` partners sharing the most such terms (ties to the lower index); a
    pair is a candidate when either article keeps the other. For a pair with an undated
    article the terms must be rare over the whole run. Joins go by term and unit, so that
    no group holds more than a window's ``MAX_CANDIDATE_DF`` articles."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    _, max_df, min_shared, window_days, max_candidates = _native.clustering_constants()
    postings = records.select(
        "idx", "day", F.lit(0).alias("kind"), F.explode("stem_ids").alias("term")
    ).unionByName(
        records.select("idx", "day", F.lit(1).alias("kind"), F.explode("entity_ids").alias("term"))
    )
    key = ["kind", "term"]
    dated = postings.filter(F.col("day").isNotNull()).withColumn(
        "unit", F.floor(F.col("day") / F.lit(window_days)).cast("long")
    )
    window = Window.partitionBy(*key).orderBy("unit").rangeBetween(-1, 1)
    rare_units = (
        dated.groupBy(*key, "unit")
        .count()
        .withColumn("in_window", F.sum("count").over(window))
        .filter(F.col("in_window").between(2, max_df))
        .select(*key, "unit")
    )
    # Article i's terms rare in its window, each looked up in the window's three units.
    looking = (
        dated.join(rare_units, key + ["unit"])
        .select(*key, F.col("idx").alias("i"), F.explode(F.array(
            F.col("unit") - 1, F.col("unit"), F.col("unit") + 1)).alias("unit"))
    )
    found = dated.select(*key, "unit", F.col("idx").alias("j"))
    shared = (
        looking.join(found, key + ["unit"])
        .filter(F.col("i") != F.col("j"))
        .groupBy("i", "j")
        .count()
        .filter(F.col("count") >= min_shared)
    )
    best = Window.partitionBy("i").orderBy(F.col("count").desc(), F.col("j").asc())
    kept = shared.withColumn("rank", F.row_number().over(best)).filter(F.col("rank") <= max_candidates)
    dated_pairs = kept.select(
        F.least("i", "j").alias("i"), F.greatest("i", "j").alias("j")
    ).distinct()
    rare_in_run = postings.groupBy(*key).count().filter(F.col("count").between(2, max_df)).select(*key)
    in_run = postings.join(rare_in_run, key).select(*key, "idx", "day")
    undated, other = in_run.filter(F.col("day").isNull()).alias("u"), in_run.alias("o")
    with_undated = undated.join(other, key).filter(
        (F.col("o.idx") != F.col("u.idx"))
        & (F.col("o.day").isNotNull() | (F.col("o.idx") > F.col("u.idx")))
    ).select(
        *key,
        F.least("u.idx", "o.idx").alias("i"),
        F.greatest("u.idx", "o.idx").alias("j"),
    )
    undated_pairs = (
        with_undated.groupBy("i", "j").count().filter(F.col("count") >= min_shared).select("i", "j")
    )
    return dated_pairs.unionByName(undated_pairs)


def similarity_edges(pairs, records):
    """Edges ``(i, j, similarity)``: candidate pairs at least ``EDGE_THRESHOLD`` alike."""
    from pyspark.sql import functions as F

    left = records.select([F.col(c).alias("a_" + c) for c in records.columns])
    right = records.select([F.col(c).alias("b_" + c) for c in records.columns])
    joined = pairs.join(left, pairs.i == left.a_idx).join(right, pairs.j == right.b_idx)
    joined = joined.select("i", "j", *left.columns[1:], *right.columns[1:])
    threshold = _native.clustering_constants()[0]

    def similarities(batches):
        import pandas as pd

        for batch in batches:
            pairs = [
                (_record(row, "a_"), _record(row, "b_")) for row in batch.itertuples(index=False)
            ]
            found = _native.similarities(pairs)
            yield pd.DataFrame({"i": batch["i"], "j": batch["j"], "similarity": found})

    edges = joined.mapInPandas(similarities, "i long, j long, similarity double")
    return edges.filter(F.col("similarity") >= threshold)


def _record(row, prefix=""):
    get = lambda name: getattr(row, prefix + name)  # noqa: E731
    return (
        _day(get("day")),
        _none(get("outlet")),
        [int(x) for x in _list(get("stem_ids"))],
        _list(get("stem_weights")),
        [int(x) for x in _list(get("entity_ids"))],
        _list(get("entity_weights")),
    )


# ---------------------------------------------------------------- events


def connected_groups(edges):
    """``(idx, group)`` for every article on an edge: the group is the least idx of its
    connected component, found by passing the least label along the edges until no
    label changes."""
    from pyspark.sql import functions as F

    links = edges.select(F.col("i").alias("src"), F.col("j").alias("dst")).unionByName(
        edges.select(F.col("j").alias("src"), F.col("i").alias("dst"))
    )
    labels = links.select(F.col("src").alias("idx")).distinct().withColumn("group", F.col("idx"))
    labels = labels.localCheckpoint()
    while True:
        passed = links.join(labels, links.src == labels.idx).select(
            F.col("dst").alias("idx"), F.col("group")
        )
        updated = labels.unionByName(passed).groupBy("idx").agg(F.min("group").alias("group"))
        updated = updated.localCheckpoint()
        changed = (
            updated.alias("n")
            .join(labels.alias("o"), "idx")
            .filter(F.col("n.group") != F.col("o.group"))
            .count()
        )
        labels = updated
        if changed == 0:
            return labels


def events_of(spark, records, edges):
    """``(idx, event)`` for every article on an edge: the event is its first article's
    idx. Average-link merging runs inside each connected group, over its records and its
    edges in run order, as the one-process run merges over the whole run."""
    from pyspark.sql import functions as F

    groups = connected_groups(edges)
    group_records = records.join(groups, "idx")
    # A copy of the labels under other names, so that the two sides of the cogroup
    # do not share columns.
    edge_groups = groups.select(F.col("idx").alias("i"), F.col("group").alias("edge_group"))
    group_edges = edges.join(edge_groups, "i").select("edge_group", "i", "j", "similarity")

    def merge(records_batch, edges_batch):
        import pandas as pd

        records_batch = records_batch.sort_values("idx")
        idxs = [int(i) for i in records_batch["idx"]]
        local = {idx: k for k, idx in enumerate(idxs)}
        records = [_record(row) for row in records_batch.itertuples(index=False)]
        edges = [
            (float(s), local[int(i)], local[int(j)])
            for i, j, s in zip(edges_batch["i"], edges_batch["j"], edges_batch["similarity"])
        ]
        rows = []
        for group in _native.average_link(records, edges):
            members = [idxs[k] for k in group]
            rows.extend((idx, members[0]) for idx in members)
        return pd.DataFrame(rows, columns=["idx", "event"])

    return (
        group_records.groupBy("group")
        .cogroup(group_edges.groupBy("edge_group"))
        .applyInPandas(merge, "idx long, event long")
    )


_NAMES = {}


def compare_events(spark, articles, membership, names):
    """Each event compared in an executor: ``(event, n_alignments, n_divergences,
    line, article_idxs, article_lines, error_idxs, error_lines)``."""
    from pyspark.sql import functions as F

    with_event = articles.join(membership, "idx", "left").withColumn(
        "event", F.coalesce(F.col("event"), F.col("idx"))
    )

    def compare(batch):
        import pandas as pd

        batch = batch.sort_values("idx")
        key = id(names)
        if key not in _NAMES:
            _NAMES.clear()
            _NAMES[key] = _native.CanonicalNames.from_forms(names.value)
        line, n_alignments, n_divergences, lines, errors = _native.compare_event(
            _article_rows(batch), _NAMES[key]
        )
        idxs = [int(i) for i in batch["idx"]]
        sources = list(batch["source"])
        return pd.DataFrame(
            [
                (
                    idxs[0],
                    n_alignments,
                    n_divergences,
                    line,
                    idxs,
                    lines,
                    [idxs[k] for k, _ in errors],
                    [_native.error_line(sources[k], message) for k, message in errors],
                )
            ],
            columns=COMPARED_COLUMNS,
        )

    return with_event.groupBy("event").applyInPandas(compare, COMPARED_SCHEMA)


COMPARED_COLUMNS = [
    "event",
    "n_alignments",
    "n_divergences",
    "line",
    "article_idxs",
    "article_lines",
    "error_idxs",
    "error_lines",
]
COMPARED_SCHEMA = (
    "event long, n_alignments long, n_divergences long, line string, "
    "article_idxs array<long>, article_lines array<string>, "
    "error_idxs array<long>, error_lines array<string>"
)


# ---------------------------------------------------------------- output


def write_outputs(spark, compared, input_errors, out_dir):
    """``events/``, ``articles/`` and ``errors/`` under ``out_dir``, each sorted: events by
    their first article, articles in run order, input errors then extraction errors."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    order = Window.orderBy("event")
    running = Window.orderBy("event").rowsBetween(Window.unboundedPreceding, Window.currentRow)
    numbers = compared.select("event", "n_alignments", "n_divergences").select(
        "event",
        F.row_number().over(order).alias("number"),
        (F.sum("n_alignments").over(running) - F.col("n_alignments") + 1).alias("first_alignment"),
        (F.sum("n_divergences").over(running) - F.col("n_divergences") + 1).alias("first_divergence"),
    )

    def renumber(batches):
        import pandas as pd

        for batch in batches:
            lines = [
                _native.renumber_event(line, int(n), int(a), int(d))
                for line, n, a, d in zip(
                    batch["line"], batch["number"], batch["first_alignment"], batch["first_divergence"]
                )
            ]
            yield pd.DataFrame({"event": batch["event"], "value": lines})

    events = compared.select("event", "line").join(numbers, "event").mapInPandas(
        renumber, "event long, value string"
    )
    _write_sorted(events, "event", os.path.join(out_dir, "events"))
    article_lines = compared.select(
        F.explode(F.arrays_zip("article_idxs", "article_lines")).alias("a")
    ).select(F.col("a.article_idxs").alias("idx"), F.col("a.article_lines").alias("value"))
    _write_sorted(article_lines, "idx", os.path.join(out_dir, "articles"))
    extraction_errors = compared.select(
        F.explode(F.arrays_zip("error_idxs", "error_lines")).alias("e")
    ).select(F.lit(1).alias("stage"), F.col("e.error_idxs").alias("idx"), F.col("e.error_lines").alias("value"))
    errors = input_errors.select(F.lit(0).alias("stage"), "idx", F.col("line").alias("value"))
    _write_sorted(errors.unionByName(extraction_errors), ["stage", "idx"], os.path.join(out_dir, "errors"))


def _write_sorted(frame, order, path):
    frame.orderBy(order).select("value").write.mode("overwrite").text(path)


def merge_parts(folder, path):
    """Concatenates a local output folder's part files, in name order, into ``path``."""
    parts = sorted(name for name in os.listdir(folder) if name.startswith("part-"))
    with open(path, "wb") as out:
        for name in parts:
            with open(os.path.join(folder, name), "rb") as part:
                shutil.copyfileobj(part, out)


def main(argv=None):
    """``python -m parallax.spark INPUT... --out DIR [--master URL] [--merge]``."""
    parser = argparse.ArgumentParser(prog="parallax.spark", description=__doc__.split("\n\n")[0])
    parser.add_argument("inputs", nargs="+", help="JSONL files of articles (.jsonl, .jsonl.gz)")
    parser.add_argument("--out", required=True, help="output folder")
    parser.add_argument("--master", help="Spark master (default: spark-submit's, else local[2])")
    parser.add_argument("--merge", action="store_true", help="also write events.jsonl, articles.jsonl and errors.jsonl (local output)")
    args = parser.parse_args(argv)
    if args.master or "PYSPARK_GATEWAY_PORT" not in os.environ:
        spark = session(args.master or "local[2]")
    else:
        # Under spark-submit: its master and settings.
        from pyspark.sql import SparkSession

        spark = SparkSession.builder.appName("parallax").getOrCreate()
    counts = run(spark, args.inputs, args.out, merge=args.merge)
    print(f"{counts['articles']} articles, {counts['events']} events, {counts['divergences']} divergences", file=sys.stderr)
    spark.stop()


if __name__ == "__main__":
    main()
