#!/usr/bin/env python3
"""Write the independent bank-holiday fixtures that tests/calendar.rs checks against.

Two sources, neither derived from our rules:
  * govuk.json: the GOV.UK bank-holiday data cached inside the `govuk-bank-holidays`
    wheel (version 0.19; covers 2012-2028), with GOV.UK's own titles.
  * python-holidays.json: the `holidays` package (version 0.109), GB subdivisions
    ENG (England and Wales), SCT and NIR, 1978-2100. It lists a holiday on its
    calendar date and its substitute as a separate "(observed)" entry, so we keep
    only Monday-Friday dates: those are the days that are actually not worked.

Regenerate (from the crate root; any scratch directory will do for the venv):
    python3 -m venv /tmp/hol/venv
    /tmp/hol/venv/bin/pip install govuk-bank-holidays==0.19 holidays==0.109
    /tmp/hol/venv/bin/python scripts/holiday_fixture.py

Output is deterministic (sorted keys, one line per year) so a diff shows real changes.
"""

import importlib.metadata
import json
import pathlib

import holidays
from govuk_bank_holidays.bank_holidays import BankHolidays

OUT = pathlib.Path(__file__).resolve().parent.parent / "tests" / "data" / "holidays"
REGIONS = {"england-and-wales": "ENG", "scotland": "SCT", "northern-ireland": "NIR"}
PY_FIRST, PY_LAST = 1978, 2100


def dump(path, source, by_region):
    """One year per line: readable in review, small in git."""
    lines = ["{", f'  "source": {json.dumps(source, sort_keys=True, ensure_ascii=False)},', '  "holidays": {']
    regions = sorted(by_region)
    for ri, region in enumerate(regions):
        years = by_region[region]
        lines.append(f"    {json.dumps(region)}: {{")
        keys = sorted(years)
        for yi, year in enumerate(keys):
            comma = "," if yi + 1 < len(keys) else ""
            body = json.dumps(years[year], ensure_ascii=False)
            lines.append(f"      {json.dumps(year)}: {body}{comma}")
        lines.append("    }" + ("," if ri + 1 < len(regions) else ""))
    lines.append("  }")
    lines.append("}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def govuk():
    # The wheel's cached copy, never the live URL: the fixture must not depend on the day it was made.
    data = BankHolidays.load_backup_data()
    out = {}
    for region in REGIONS:
        years = {}
        for event in sorted(data[region]["events"], key=lambda e: e["date"]):
            years.setdefault(event["date"][:4], []).append([event["date"], event["title"]])
        out[region] = years
    source = {
        "package": "govuk-bank-holidays",
        "version": importlib.metadata.version("govuk-bank-holidays"),
        "data": "bank-holidays.json cached in the wheel",
    }
    dump(OUT / "govuk.json", source, out)


def python_holidays():
    out = {}
    for region, subdiv in REGIONS.items():
        cal = holidays.country_holidays("GB", subdiv=subdiv, years=range(PY_FIRST, PY_LAST + 1))
        years = {}
        for day in sorted(cal):
            if day.weekday() < 5:
                years.setdefault(str(day.year), []).append(day.isoformat())
        out[region] = years
    source = {
        "package": "holidays",
        "version": importlib.metadata.version("holidays"),
        "call": "holidays.country_holidays('GB', subdiv=ENG|SCT|NIR)",
        "years": f"{PY_FIRST}-{PY_LAST}",
        "filter": "Monday-Friday dates only",
    }
    dump(OUT / "python-holidays.json", source, out)


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    govuk()
    python_holidays()
