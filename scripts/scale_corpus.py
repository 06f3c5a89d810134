#!/usr/bin/env python3
"""Builds a synthetic multi-outlet corpus for scale runs from the shared data.

    python3 scripts/scale_corpus.py N OUT_DIR [--seed S]

Each event takes one real article (PolNeAR train and dev, basil-dev, in turn) and gives
2-5 outlets' versions of it: each version drops a few sentences at random and is dated
within two days of the event's date; event dates spread over ten years (2010-2019). Names
recur across events: the real articles are reused cyclically, so the same people appear
in many events years apart, which is what breaks corpus-wide rare-term blocking. Writes
OUT_DIR/articles.jsonl (N articles) and OUT_DIR/gold.json (`events`: event id -> article ids,
the layout `event_score.py` reads). The corpus stays out of the repository (licences).
"""
import datetime
import glob
import json
import os
import random
import sys


def sources():
    texts = []
    for path in sorted(glob.glob("../shared/data/polnear/train/*.txt") + glob.glob("../shared/data/polnear/dev/*.txt")):
        texts.append(open(path, encoding="utf-8").read())
    for line in open("../shared/data/basil-dev/articles.jsonl", encoding="utf-8"):
        texts.append(json.loads(line)["text"])
    return [t for t in texts if len(t.split()) > 150]


def main(argv):
    args = [a for a in argv if not a.startswith("--")]
    seed = int(argv[argv.index("--seed") + 1]) if "--seed" in argv else 1
    if "--seed" in argv:
        args.remove(str(seed))
    n, out = int(args[0]), args[1]
    os.makedirs(out, exist_ok=True)
    rng = random.Random(seed)
    texts = sources()
    start = datetime.date(2010, 1, 1)
    events, written, event_no = {}, 0, 0
    with open(os.path.join(out, "articles.jsonl"), "w", encoding="utf-8") as f:
        while written < n:
            text = texts[event_no % len(texts)]
            day = start + datetime.timedelta(days=rng.randrange(3650))
            paragraphs = [p for p in text.split("\n\n") if p.strip()]
            ids = []
            for version in range(min(rng.randint(2, 5), n - written)):
                kept = [p for p in paragraphs if rng.random() > 0.15] or paragraphs
                published = day + datetime.timedelta(days=rng.randrange(3))
                article_id = f"e{event_no}-{version}"
                f.write(json.dumps({"id": article_id, "outlet": f"O{version}",
                                    "published": published.isoformat(),
                                    "text": "\n\n".join(kept)}) + "\n")
                ids.append(article_id)
                written += 1
            events[f"e{event_no}"] = ids
            event_no += 1
    json.dump({"events": events}, open(os.path.join(out, "gold.json"), "w"))
    print(f"{written} articles, {event_no} events")


if __name__ == "__main__":
    main(sys.argv[1:])
