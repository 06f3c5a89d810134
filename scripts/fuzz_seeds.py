#!/usr/bin/env python3
"""Seed corpora for the fuzz targets: takes the repository's sample inputs
(`corpus/`, `tests/data/`) and any extra folders given on the command line
(e.g. a local copy of HTML pages, never committed), gives one file per seed
in `fuzz/corpus/<target>/`, each prefixed by the selector byte the target
reads first (see `fuzz/src/lib.rs`).

Usage: scripts/fuzz_seeds.py [EXTRA_FOLDER ...]
"""

import hashlib
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "fuzz" / "corpus"
# Seeds past this size are cut: the campaigns run with -max_len at most 64 KiB.
MAX_SEED = 64 * 1024


def write(target, data):
    data = data[:MAX_SEED]
    folder = OUT / target
    folder.mkdir(parents=True, exist_ok=True)
    name = hashlib.sha1(data).hexdigest()
    (folder / name).write_bytes(data)


def utf16(text):
    return b"\xff\xfe" + text.encode("utf-16-le")


def inputs(folders):
    for folder in folders:
        for path in sorted(Path(folder).rglob("*")):
            if path.is_file():
                yield path


def json_texts(data):
    """The `text` fields of a JSON or JSONL document, for the extract seeds."""
    try:
        docs = [json.loads(data)]
    except ValueError:
        docs = []
        for line in data.splitlines():
            try:
                docs.append(json.loads(line))
            except ValueError:
                pass
    for doc in docs:
        for item in doc if isinstance(doc, list) else [doc]:
            if isinstance(item, dict) and isinstance(item.get("text"), str):
                yield item["text"]


def seed(path):
    data = path.read_bytes()
    suffix = path.suffix.lower()
    if suffix in (".txt", ".md"):
        md = 1 if suffix == ".md" else 0
        for storage in (0, 1):
            write("ingest_text", bytes([md | storage << 1]) + data)
        text = data.decode("utf-8", "replace")
        write("ingest_text", bytes([md]) + utf16(text))
        write("extract", data)
    elif suffix in (".json", ".jsonl"):
        lines = 1 if suffix == ".jsonl" else 0
        for storage in (0, 1):
            write("ingest_json", bytes([lines | storage << 1]) + data)
        for text in json_texts(data.decode("utf-8", "replace")):
            write("extract", text.encode())
    elif suffix in (".html", ".htm"):
        write("html", b"\x00" + data)
        write("html", b"\x01" + data)
        write("html", b"\x03" + data)
        # The same page as the `html` field of a JSON article.
        page = json.dumps({"id": path.stem, "html": data.decode("utf-8", "replace")})
        write("ingest_json", b"\x00" + page.encode())


def main():
    folders = [ROOT / "corpus", ROOT / "tests" / "data"] + sys.argv[1:]
    for path in inputs(folders):
        seed(path)
    for target in sorted(os.listdir(OUT)):
        print(target, len(os.listdir(OUT / target)))


if __name__ == "__main__":
    main()
