#!/usr/bin/env python3
"""Draws the seeded samples that are judged by reading (precision no scorer computes).

    python3 scripts/judge_sample.py REPORT.json ARTICLES.jsonl OUT.json [--seed N]

From a `parallax compare` report it draws 60 divergences other than omissions,
40 topic-level alignment rows and 40 omission divergences (random.Random(seed)),
and writes them with the text needed to judge them beside their articles. The
sample file stays out of the repository (it quotes article text); the verdicts
are committed as `eval/judged/*.json`, naming only ids and verdicts.
"""
import json
import random
import sys


def main(argv):
    args = [a for a in argv if not a.startswith("--")]
    seed = 20261130
    if "--seed" in argv:
        seed = int(argv[argv.index("--seed") + 1])
        args.remove(str(seed))
    report_path, articles_path, out_path = args
    report = json.load(open(report_path, encoding="utf-8"))
    statements = {(a, s["id"]): s for a, ss in report["statements"].items() for s in ss}
    findings, omissions, rows = [], [], []
    for event in report["events"]:
        for d in event["divergences"]:
            (omissions if d["type"] == "omission" else findings).append((event["id"], d))
        for a in event["alignments"]:
            if a.get("level") == "topic":
                rows.append((event["id"], a))
    rng = random.Random(seed)
    sample = []
    for kind, items, n in (("finding", findings, 60), ("topic_row", rows, 40), ("omission", omissions, 40)):
        for event_id, item in rng.sample(items, min(n, len(items))):
            entry = {"sample": kind, "event": event_id, "id": item["id"]}
            if kind == "topic_row":
                entry["statements"] = [
                    {
                        "article": s["article"],
                        "speaker": statements[(s["article"], s["statement"])]["speaker"].get("name"),
                        "content": statements[(s["article"], s["statement"])]["content"]["text"],
                    }
                    for s in item["statements"]
                ]
            else:
                entry["type"] = item["type"]
                entry["explanation"] = item["explanation"]
                entry["spans"] = item["spans"]
            sample.append(entry)
    json.dump(sample, open(out_path, "w", encoding="utf-8"), indent=1, ensure_ascii=False)
    print(f"{len(findings)} findings, {len(rows)} topic rows, {len(omissions)} omissions; sampled {len(sample)}")


if __name__ == "__main__":
    main(sys.argv[1:])
