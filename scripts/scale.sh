#!/usr/bin/env bash
# How tor's time and peak memory grow with the size of one file: 1k, 10k and 100k
# entries of each kind (scripts/scale_gen.py writes them). Each should grow
# linearly: ten times the entries, about ten times the time (plus start-up).
# Needs: python3, GNU time (/usr/bin/time). Not part of `cargo test`.
# usage: scripts/scale.sh [OUT.md] [SIZES...]   (default sizes: 1000 10000 100000)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-/tmp/tor-scale.md}
shift || true
if [ $# -gt 0 ]; then sizes=("$@"); else sizes=(1000 10000 100000); fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cargo build --release --quiet
tor=$PWD/target/release/tor

# kind | what the file holds | the command ({d} is the folder)
cases=(
  "members|a ToR of N members|--dir {d} schedule big --year 2027"
  "members|a ToR of N members|validate --as-of 2020-01-01 {d}"
  "meetings|a record of N meetings on one day (N-1 duplicate-meeting errors)|validate --as-of 2020-01-01 {d}"
  "cases|N cases, each naming an unknown member (exit 2)|--dir {d} test"
  "failing|N cases, each expecting the wrong verdict|--dir {d} test"
  "items|N duplicate standing items|validate --as-of 2020-01-01 {d}"
  "diagnostics|N members of an unknown class|validate --as-of 2020-01-01 {d}"
  "suggest|N unknown ids against N members (did you mean)|validate --as-of 2020-01-01 {d}"
)

{
  echo "| kind | file | command | N | file size | time [s] | peak RSS [MiB] | output [KiB] |"
  echo "|:---|:---|:---|---:|---:|---:|---:|---:|"
} > "$out"
for line in "${cases[@]}"; do
  IFS='|' read -r kind what command <<< "$line"
  for n in "${sizes[@]}"; do
    dir=$work/$kind-$n
    [ -d "$dir" ] || python3 scripts/scale_gen.py "$kind" "$n" "$dir"
    size=$(du -sk "$dir" | cut -f1)
    args=${command//\{d\}/$dir}
    # shellcheck disable=SC2086 # the command is words on purpose
    /usr/bin/time -f '%e %M' -o "$work/time" "$tor" $args > "$work/stdout" 2> "$work/stderr" || true
    # GNU time puts "Command exited with non-zero status N" first when it did.
    read -r secs rss < <(tail -1 "$work/time")
    printed=$(( ($(wc -c < "$work/stdout") + $(wc -c < "$work/stderr")) / 1024 ))
    shown=${command//\{d\}/DIR}
    printf '| %s | %s | `tor %s` | %d | %d KiB | %s | %.1f | %d |\n' \
      "$kind" "$what" "$shown" "$n" "$size" "$secs" "$(awk "BEGIN { print $rss / 1024 }")" "$printed" >> "$out"
    echo "$kind $n: ${secs}s, ${rss} KiB" >&2
  done
done
cat "$out"
