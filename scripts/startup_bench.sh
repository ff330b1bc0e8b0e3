#!/usr/bin/env bash
# Start-up cost of a single check: tor (as built, position-independent) against a
# do-nothing Rust binary built the same way (PIE, rustc -O), in one hyperfine run,
# then instruction counts from callgrind, which do not vary with machine load.
#
#   scripts/startup_bench.sh [TOR_BINARY] [OUT.md]   (default target/release/tor)
set -euo pipefail
cd "$(dirname "$0")/.."
tor=${1:-target/release/tor}
out=${2:-/dev/stdout}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo 'fn main() {}' >"$work/floor.rs"
rustc -O "$work/floor.rs" -o "$work/floor"
file "$tor" "$work/floor" | grep -q 'pie executable' || echo "note: not both PIE" >&2

meeting="check-meeting sefton-scp --at 2012-12-06T14:00 --circulated 2012-11-29 --attendees local-authority,police-force,fire-rescue --chair present"
vote="tally sefton-scp --at 2012-12-06 --for local-authority,police-force,fire-rescue --against probation"

hyperfine -N --warmup 50 --runs 500 --export-markdown "$work/wall.md" \
  -n 'floor (fn main(){}, PIE)' "$work/floor" \
  -n 'tor check-meeting' "$tor $meeting" \
  -n 'tor tally' "$tor $vote" >/dev/null

{
  cat "$work/wall.md"
  echo
  echo '| run | instructions (callgrind) | of which in the dynamic loader relocating |'
  echo '|---|---:|---:|'
  for name in floor meeting vote; do
    case $name in
      floor) cmd=("$work/floor") ;;
      meeting) cmd=("$tor" $meeting) ;;
      vote) cmd=("$tor" $vote) ;;
    esac
    valgrind --tool=callgrind --callgrind-out-file="$work/cg" "${cmd[@]}" >/dev/null 2>"$work/cg.err"
    total=$(grep -o 'Collected : [0-9]*' "$work/cg.err" | grep -o '[0-9]*$')
    reloc=$(callgrind_annotate --inclusive=yes "$work/cg" 2>/dev/null |
      grep 'dl-reloc.c:_dl_relocate_object' | head -1 | awk '{gsub(",","",$1); print $1}')
    echo "| $name | $total | ${reloc:-0} |"
  done
} >"$out"
