#!/usr/bin/env python3
"""Writes N realistic ToR files for benchmarks: copies of the bundled partnerships
(and the commented example) with fresh ids, so every file is valid and different.

usage: scripts/gen_tor_files.py N OUT_DIR
"""
import pathlib
import re
import sys


def main() -> None:
    n, out = int(sys.argv[1]), pathlib.Path(sys.argv[2])
    root = pathlib.Path(__file__).resolve().parent.parent
    # ToR files only: `<id>.cases.toml` and other companions have a dot in the stem.
    sources = sorted(p for p in (root / "partnerships").glob("*.toml") if "." not in p.stem) + [
        root / "examples/partnerships/example-board.toml"
    ]
    texts = []
    for path in sources:
        text = path.read_text()
        # The schema is given on the command line in the benchmark instead.
        text = "\n".join(l for l in text.splitlines() if not l.startswith("#:schema")) + "\n"
        texts.append((path.stem, text))
    out.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        stem, text = texts[i % len(texts)]
        new_id = f"{stem}-{i:05d}"
        text = re.sub(r'^id = "[^"]*"', f'id = "{new_id}"', text, count=1, flags=re.M)
        (out / f"{new_id}.toml").write_text(text)


if __name__ == "__main__":
    main()
