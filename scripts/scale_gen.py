#!/usr/bin/env python3
"""Generates one large input for scripts/scale.sh: N entries of one kind.

usage: scale_gen.py KIND N DIR

Writes DIR/big.toml (a ToR) and, for some kinds, a companion file beside it.

KIND is one of
  members      a ToR of N members, all responsible authorities
  meetings     a ToR and a record of N meetings, all on the same day (N-1 are
               duplicate-meeting errors)
  cases        a ToR and N worked cases, each naming an unknown member
  failing      a ToR and N worked cases, each expecting the wrong verdict
  items        a ToR with N standing items, all the same (N-1 duplicates)
  diagnostics  a ToR whose quorum is followed by N [[members]] of an unknown class
  suggest      a ToR of N members and a record naming N unknown members (the
               "did you mean" search: N unknown ids against N candidates)
"""

import sys
from pathlib import Path

HEAD = """id = "big"
name = "Big Partnership"

[[classes]]
id = "responsible-authority"
name = "Responsible authority"
"""

QUORUM = """
[quorum]
clause = "5"
at_least = 2
class = "responsible-authority"
"""

FREQUENCY = """
[frequency]
clause = "7"
at_least = 4
per = "year"
"""


def members(n, prefix="member"):
    return "".join(
        f'\n[[members]]\nid = "{prefix}-{i:06d}"\nname = "Member {i}"\n'
        f'class = "responsible-authority"\n'
        for i in range(n)
    )


def main():
    kind, n, out = sys.argv[1], int(sys.argv[2]), Path(sys.argv[3])
    out.mkdir(parents=True, exist_ok=True)
    tor = HEAD + members(max(n, 2) if kind in ("members", "suggest") else 2) + QUORUM
    if kind == "members":
        tor += FREQUENCY
    elif kind == "items":
        tor += '\n[standing_items]\nclause = "9"\nitems = [\n'
        tor += "".join('  "Prevent",\n' for _ in range(n)) + "]\n"
    elif kind == "diagnostics":
        tor += "".join(
            f'\n[[members]]\nid = "extra-{i:06d}"\nname = "Extra"\nclass = "nobody"\n'
            for i in range(n)
        )
    (out / "big.toml").write_text(tor)

    if kind == "meetings":
        entry = '[[meeting]]\ndate = 2012-03-01\npresent = ["member-000000"]\n\n'
        (out / "big.meetings.toml").write_text(entry * n)
    elif kind == "cases":
        case = (
            '[[case]]\nname = "case {i}"\n[case.meeting]\nat = 2012-12-06T14:00:00\n'
            'attendees = ["member-000000", "nobody-{i}"]\n'
            "[case.expect]\nvalid = true\n\n"
        )
        (out / "big.cases.toml").write_text("".join(case.format(i=i) for i in range(n)))
    elif kind == "failing":
        # Short, so 100,000 cases stay under tor's 16 MiB file limit.
        case = '[[case]]\nname = "c{i}"\n[case.meeting]\nat = 2012-12-06T14:00:00\n[case.expect]\nvalid = false\n\n'
        (out / "big.cases.toml").write_text("".join(case.format(i=i) for i in range(n)))
    elif kind == "suggest":
        entry = '[[meeting]]\ndate = 2012-03-{d:02d}\npresent = ["membr-{i:06d}"]\n\n'
        # One meeting per day would run past the calendar; the day repeats, which
        # only adds duplicate-meeting errors after the unknown-member ones.
        (out / "big.meetings.toml").write_text(
            "".join(entry.format(d=1 + i % 28, i=i) for i in range(n))
        )


if __name__ == "__main__":
    main()
