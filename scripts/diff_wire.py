#!/usr/bin/env python3
"""Runs `parallax diff --format json` on every wire-dev pair (original against
rewrite) and writes each pair's findings as a report `inject_score.py` reads.

    python3 scripts/diff_wire.py ARTICLES.jsonl OUT_DIR [--bin target/release/parallax]

Then: python3 ../shared/eval/inject_score.py TRUTH.json OUT_DIR --articles ARTICLES.jsonl
Also prints how many control pairs (rewrite == original) printed anything or exited
other than 0, which must be none.
"""
import json
import os
import subprocess
import sys
import tempfile


def main(argv):
    args = [a for a in argv if not a.startswith("--")]
    binary = "target/release/parallax"
    if "--bin" in argv:
        binary = argv[argv.index("--bin") + 1]
        args.remove(binary)
    articles_path, out_dir = args
    os.makedirs(out_dir, exist_ok=True)
    articles = {}
    order = []
    for line in open(articles_path, encoding="utf-8"):
        if line.strip():
            article = json.loads(line)
            articles[article["id"]] = line
            order.append(article["id"])
    pairs = [(a, a + "~r") for a in order if a + "~r" in articles]
    noisy_controls = 0
    with tempfile.TemporaryDirectory() as tmp:
        for n, (original, rewrite) in enumerate(pairs):
            paths = []
            for name, article_id in (("a", original), ("b", rewrite)):
                path = os.path.join(tmp, f"{name}.jsonl")
                with open(path, "w", encoding="utf-8") as f:
                    f.write(articles[article_id])
                paths.append(path)
            run = subprocess.run([binary, "diff", "--format", "json", *paths], capture_output=True, text=True)
            if run.returncode not in (0, 1):
                raise SystemExit(f"diff failed on {original}: {run.stderr}")
            found = json.loads(run.stdout)
            same = json.loads(articles[original])["text"] == json.loads(articles[rewrite])["text"]
            if same and (run.returncode != 0 or found["divergences"]):
                noisy_controls += 1
            report = {
                "articles": [{"id": original}, {"id": rewrite}],
                "statements": {},
                "events": [{"id": "e1", "articles": [original, rewrite],
                            "alignments": [], "divergences": found["divergences"], "only_in": []}],
            }
            pair_dir = os.path.join(out_dir, f"pair-{n:04d}")
            os.makedirs(pair_dir, exist_ok=True)
            with open(os.path.join(pair_dir, "report.json"), "w", encoding="utf-8") as f:
                json.dump(report, f)
    print(f"{len(pairs)} pairs diffed; control pairs with output or a non-zero exit: {noisy_controls}")


if __name__ == "__main__":
    main(sys.argv[1:])
