#!/usr/bin/env bash
# Whole-process throughput of `warta code` on the Indonesian texts of ../shared/bench (events-id texts and
# the IndoTimex development articles), single thread (the CLI codes one article at a time).
#
#   eval/throughput.sh [COPIES_SMALL] [COPIES_LARGE]      (defaults 2 and 30)
#
# It builds a corpus under a temporary directory (never in the repository): each events-id text as is, and
# each IndoTimex .tml document as a text page (the <TITLE>, then the text of <TEXT> without TimeML tags),
# repeated COPIES times under different names. It runs `java -jar warta-cli/target/warta.jar code` under
# /usr/bin/time -v on the small and the large corpus and prints articles per second for each run and the
# steady rate after warm-up, (large − small articles) / (large − small seconds), which cancels JVM start-up,
# data loading and JIT warm-up, plus the peak resident memory of the large run.
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${WARTA_SHARED:-../shared}
SMALL=${1:-2}
LARGE=${2:-30}
JAR=warta-cli/target/warta.jar
[ -f "$JAR" ] || ./mvnw -q -o -DskipTests package
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$TMP/base"
cp "$SHARED"/bench/events-id/texts/*.txt "$TMP/base/"
for z in "$SHARED"/bench/indotimex/kompas_development.zip "$SHARED"/bench/indotimex/Kompas_test_gold.dev.zip; do
  mkdir -p "$TMP/tml"
  unzip -q -o "$z" -d "$TMP/tml"
done
python3 - "$TMP/tml" "$TMP/base" <<'PY'
import pathlib, re, sys, html
src, dst = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
for f in sorted(src.rglob('*.tml')):
    raw = f.read_bytes()
    try: t = raw.decode('utf-8')
    except UnicodeDecodeError: t = raw.decode('cp1252')
    title = re.search(r'<TITLE>(.*?)</TITLE>', t, re.S)
    text = re.search(r'<TEXT>(.*?)</TEXT>', t, re.S)
    if not text: continue
    body = html.unescape(re.sub(r'<[^>]+>', '', text.group(1))).replace('\r\n', '\n').strip()
    head = html.unescape(re.sub(r'<[^>]+>', '', title.group(1))).strip() if title else body.split('\n')[0]
    (dst / (f.stem + '.txt')).write_text(head + '\n\n' + body + '\n', encoding='utf-8')
PY
N=$(ls "$TMP/base" | wc -l)
run() {
  local copies=$1 dir="$TMP/c$1"
  mkdir -p "$dir"
  for i in $(seq 1 "$copies"); do for f in "$TMP"/base/*.txt; do cp "$f" "$dir/${i}_$(basename "$f")"; done; done
  /usr/bin/time -v java -jar "$JAR" code "$dir" --as-of 2025-10-22 > /dev/null 2> "$TMP/time$1.txt"
  local secs rss cpu
  secs=$(grep "Elapsed (wall clock)" "$TMP/time$1.txt" | awk '{print $NF}' | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  rss=$(grep "Maximum resident" "$TMP/time$1.txt" | awk '{print $NF}')
  cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {print s}' "$TMP/time$1.txt")
  echo "$((copies * N)) $secs $rss $cpu"
}
read -r a1 s1 r1 c1 < <(run "$SMALL")
read -r a2 s2 r2 c2 < <(run "$LARGE")
python3 - "$a1" "$s1" "$r1" "$a2" "$s2" "$r2" "$N" "$c1" "$c2" <<'PY'
import sys
a1, s1, r1, a2, s2, r2, n = int(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5]), int(sys.argv[6]), int(sys.argv[7])
c1, c2 = float(sys.argv[8]), float(sys.argv[9])
print(f"corpus: {n} Indonesian articles (events-id texts + IndoTimex dev documents)")
print(f"small run: {a1} articles in {s1:.2f} s ({a1/s1:.0f} articles/s with start-up), peak RSS {r1/1024:.0f} MB")
print(f"large run: {a2} articles in {s2:.2f} s ({a2/s2:.0f} articles/s with start-up), peak RSS {r2/1024:.0f} MB")
print(f"steady rate after warm-up: {(a2-a1)/(s2-s1):.0f} articles/s wall clock (single thread)")
print(f"CPU time (user+sys): {c1:.2f} s and {c2:.2f} s; steady rate per CPU second: {(a2-a1)/max(1e-9, c2-c1):.0f} articles/s")
print("(on a shared machine the wall-clock rate is lower than the CPU rate; the JVM's own GC and JIT threads count in CPU time)")
PY
