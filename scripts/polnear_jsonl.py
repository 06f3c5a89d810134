#!/usr/bin/env python3
"""Writes PolNeAR articles as parallax JSONL, with outlet and date from the file names.

    python3 scripts/polnear_jsonl.py ../shared/data/polnear/train > OUT.jsonl

PolNeAR's files are named `<publisher>_<YYYY-MM-DD>_<slug>.txt` (seven publishers, 2015-16
US election coverage), so `compare` over the output groups real coverage of one story by
several outlets: coverage the rewording rules were not built on, used to judge findings
out of sample (`eval/judged/polnear-train-1.json`). The output stays out of the repository.
"""
import json
import pathlib
import re
import sys


def main(folder):
    for path in sorted(pathlib.Path(folder).glob("*.txt")):
        match = re.match(r"([a-z\-]+)_(\d{4}-\d{2}-\d{2})_", path.stem)
        if not match:
            print(f"{path}: name without publisher and date, skipped", file=sys.stderr)
            continue
        article = {
            "id": path.stem,
            "outlet": match.group(1),
            "published": match.group(2),
            "text": path.read_text(encoding="utf-8"),
        }
        print(json.dumps(article, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1])
