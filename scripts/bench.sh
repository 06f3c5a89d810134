#!/usr/bin/env bash
# Throughput of `parallax extract`, output included, against `wc -w` (one
# scan of the same bytes) measured in the same run. The input is the PolNeAR
# train texts (from ../shared) as JSONL, repeated until it reaches 50 MB; without
# ../shared, the sample corpus is repeated instead.
# Usage: scripts/bench.sh [RUNS]   (default 5; medians are reported)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
out=out/bench
mkdir -p "$out"
cargo build --release --quiet
bin=target/release/parallax
input="$out/input.jsonl"
if [ ! -s "$input" ]; then
    if [ -d ../shared/data/polnear/train ]; then
        src=(../shared/data/polnear/train/*.txt)
    else
        src=(corpus/*.txt)
    fi
    python3 - "$input" "${src[@]}" <<'PY'
import json, os, sys
out, paths = sys.argv[1], sys.argv[2:]
texts = [(os.path.basename(p).rsplit('.', 1)[0], open(p, encoding='utf-8').read()) for p in paths]
size, n = 0, 0
with open(out, 'w', encoding='utf-8') as f:
    while size < 50_000_000:
        for name, text in texts:
            line = json.dumps({"id": f"{name}-{n}", "text": text}, ensure_ascii=False) + "\n"
            f.write(line); size += len(line.encode()); n += 1
PY
fi
words=$(wc -w < "$input")
bytes=$(stat -c %s "$input")
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
time_runs() {
    for _ in $(seq "$runs"); do
        local start end
        start=$(date +%s.%N)
        "$@" > /dev/null
        end=$(date +%s.%N)
        echo "$end - $start" | bc -l
    done
}
t_extract=$(time_runs "$bin" extract "$input" | median)
t_extract1=$(time_runs "$bin" --threads 1 extract "$input" | median)
t_wc=$(time_runs wc -w "$input" | median)
printf 'input: %s (%d bytes, %d words), %d runs each, medians\n' "$input" "$bytes" "$words" "$runs"
printf 'machine: %s, %s cores\n' "$(uname -m)" "$(nproc)"
printf '%-32s %8.3f s %12.0f words/s %8.1f MB/s\n' "parallax extract (all cores)" "$t_extract" \
    "$(echo "$words / $t_extract" | bc -l)" "$(echo "$bytes / $t_extract / 1000000" | bc -l)"
printf '%-32s %8.3f s %12.0f words/s %8.1f MB/s\n' "parallax --threads 1 extract" "$t_extract1" \
    "$(echo "$words / $t_extract1" | bc -l)" "$(echo "$bytes / $t_extract1 / 1000000" | bc -l)"
printf '%-32s %8.3f s %12.0f words/s %8.1f MB/s\n' "wc -w (one scan of the bytes)" "$t_wc" \
    "$(echo "$words / $t_wc" | bc -l)" "$(echo "$bytes / $t_wc / 1000000" | bc -l)"
printf 'extract / wc -w time ratio: %.1f; 1 thread / all cores: %.2f\n' \
    "$(echo "$t_extract / $t_wc" | bc -l)" "$(echo "$t_extract1 / $t_extract" | bc -l)"
