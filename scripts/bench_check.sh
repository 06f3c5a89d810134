#!/usr/bin/env bash
# Time of `parallax check` on 25,110 claim-article pairs, output included:
# the 186 arc-dev claims (from ../shared) each against 135 of its 4,363
# comments, picked by a fixed stride (not by gold). Reading, extraction and
# checking are all counted. Prints each run and the median.
# Usage: scripts/bench_check.sh [RUNS]   (default 5)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
out=out/bench-check
mkdir -p "$out"
cargo build --release --quiet
arc=../shared/data/arc-dev
python3 - "$arc" "$out/claims.jsonl" <<'PY'
import json, sys
arc, out = sys.argv[1], sys.argv[2]
ids = [json.loads(line)["id"] for line in open(f"{arc}/articles.jsonl", encoding="utf-8")]
with open(out, "w", encoding="utf-8") as f:
    for i, line in enumerate(open(f"{arc}/claims.jsonl", encoding="utf-8")):
        claim = json.loads(line)
        picked = list(dict.fromkeys(ids[(i * 135 + j * 7) % len(ids)] for j in range(135)))
        f.write(json.dumps({"id": claim["id"], "claim": claim["claim"], "articles": picked}) + "\n")
PY
times=()
for _ in $(seq "$runs"); do
    start=$(date +%s.%N)
    target/release/parallax check --claims "$out/claims.jsonl" "$arc/articles.jsonl" > "$out/stances.jsonl"
    end=$(date +%s.%N)
    times+=("$(echo "$end - $start" | bc)")
    echo "run: ${times[-1]} s, $(wc -l < "$out/stances.jsonl") pairs"
done
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print "median:", a[int((NR+1)/2)], "s"}'
