#!/usr/bin/env bash
# Benchmarks tor against taplo and check-jsonschema on the same generated files, in
# the same run, and the latency of single checks against a do-nothing binary.
# Needs: hyperfine (Debian), taplo and check-jsonschema (PyPI), GNU time.
# usage: scripts/bench.sh [OUT.md]
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-/tmp/tor-bench.md}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cargo build --release --quiet
tor=$PWD/target/release/tor
schema=$PWD/schema/tor.schema.json

# The floor: a binary that starts and exits.
printf 'fn main() {}\n' > "$work/floor.rs"
rustc -O -o "$work/floor" "$work/floor.rs"

: > "$out"
for n in 100 1000 10000; do
  dir=$work/n$n
  python3 scripts/gen_tor_files.py "$n" "$dir"
  runs=$(( n >= 10000 ? 3 : 10 ))
  echo "## validate, N = $n" >> "$out"
  hyperfine --style none --warmup 1 --runs "$runs" --export-markdown "$work/v$n.md" \
    -n "tor validate" "$tor validate --as-of 2026-01-01 $dir" \
    -n "taplo check (syntax)" "taplo check --no-auto-config --no-schema '$dir/*.toml'" \
    -n "taplo check (schema)" "taplo check --no-auto-config --schema file://$schema '$dir/*.toml'" \
    -n "check-jsonschema" "check-jsonschema --schemafile $schema $dir/*.toml" >/dev/null
  cat "$work/v$n.md" >> "$out"
  rss=$( { /usr/bin/time -f '%M' "$tor" validate --as-of 2026-01-01 "$dir" >/dev/null; } 2>&1 | tail -1)
  echo "" >> "$out"
  echo "tor validate peak RSS, N = $n: ${rss} KiB" >> "$out"
  echo "" >> "$out"
done

echo "## single checks against the floor" >> "$out"
hyperfine --style none -N --warmup 20 --runs 300 --export-markdown "$work/lat.md" \
  -n "floor (fn main(){})" "$work/floor" \
  -n "tor check-meeting" "$tor check-meeting sefton-scp --at 2012-12-06T14:00 --circulated 2012-11-29 --attendees local-authority,police-force,fire-rescue" \
  -n "tor tally" "$tor tally sefton-scp --at 2012-12-06 --for local-authority,police-force,fire-rescue --against probation" \
  -n "tor validate (4 bundled)" "$tor validate --as-of 2026-01-01 partnerships" >/dev/null
cat "$work/lat.md" >> "$out"
echo "written $out"
