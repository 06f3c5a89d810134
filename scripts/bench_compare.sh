#!/usr/bin/env bash
# Time of `parallax compare` over basil-dev (210 articles, 70 events) against
# a baseline build of another revision, measured in the same run, and of
# `parallax diff` on two 2,000-word articles (a story and a copy of it with
# a few words changed). Needs ../shared. Medians of RUNS runs.
# Usage: scripts/bench_compare.sh [BASELINE_REV] [RUNS]   (default d73314c, 7)
set -euo pipefail
cd "$(dirname "$0")/.."
rev=${1:-d73314c}
runs=${2:-7}
out=out/bench-compare
mkdir -p "$out"
cargo build --release --quiet
bin=target/release/parallax
# The baseline is built outside the repository (inside it, Cargo would take
# it for a member of this workspace).
base_dir="${TMPDIR:-/tmp}/parallax-baseline-$rev"
if [ ! -x "$base_dir/target/release/parallax" ]; then
    rm -rf "$base_dir"
    git worktree prune
    git worktree add --force "$base_dir" "$rev" > /dev/null
    (cd "$base_dir" && cargo build --release --quiet)
fi
base="$base_dir/target/release/parallax"
basil=../shared/data/basil-dev/articles.jsonl
python3 - "$out" <<'PY'
import json, sys
out = sys.argv[1]
words = []
for line in open("../shared/data/wire-dev/articles.jsonl", encoding="utf-8"):
    a = json.loads(line)
    if not a["id"].endswith("~r"):
        words += a["text"].split(" ")
    if len(words) >= 2000:
        break
story = " ".join(words[:2000])
copy = story.replace(" said ", " claimed ", 3).replace(" will ", " may ", 3)
json.dump({"id": "story", "text": story}, open(f"{out}/story.json", "w"))
json.dump({"id": "copy", "text": copy}, open(f"{out}/copy.json", "w"))
PY
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
time_runs() {
    for _ in $(seq "$runs"); do
        local start end
        start=$(date +%s.%N)
        "$@" > /dev/null 2>&1 || true
        end=$(date +%s.%N)
        echo "$end - $start" | bc
    done | median
}
new=$(time_runs "$bin" compare "$basil" --out "$out/new")
old=$(time_runs "$base" compare "$basil" --out "$out/old")
diff_time=$(time_runs "$bin" diff "$out/copy.json" "$out/story.json")
echo "compare basil-dev: this build ${new} s, baseline ${rev} ${old} s, ratio $(echo "scale=2; $new / $old" | bc)"
echo "diff two 2,000-word articles: ${diff_time} s"
