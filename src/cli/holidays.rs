//! `tor holidays`: the bank holidays of a region.

use anyhow::{Result, bail};
use chrono::NaiveDate;
use serde::Serialize;
use tor::calendar::{BankHoliday, Calendar, FIRST_YEAR, LAST_YEAR, Region};

use super::dates;
use super::output::{Report, Status, emit, esc, table};
use super::{Global, catalog, parse_date_arg};

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// england-and-wales, scotland or northern-ireland
    #[arg(long, default_value = "england-and-wales", value_parser = parse_region)]
    pub region: Region,
    /// A calendar year (1970–2100) [default: this year]
    #[arg(long, conflicts_with_all = ["from", "to"])]
    pub year: Option<i32>,
    /// First date of the range (2012-12-06 or day first, 6/12/2012)
    #[arg(long, requires = "to", value_parser = parse_date_arg)]
    pub from: Option<NaiveDate>,
    /// Last date of the range, inclusive (2012-12-06 or day first, 6/12/2012)
    #[arg(long, requires = "from", value_parser = parse_date_arg)]
    pub to: Option<NaiveDate>,
}

fn parse_region(s: &str) -> Result<Region, String> {
    s.parse::<Region>().map_err(|e| e.to_string())
}

pub(super) fn run(g: &Global, args: &Args) -> Result<Status> {
    let (from, to) = match (args.year, args.from, args.to) {
        (Some(year), _, _) => {
            if !(FIRST_YEAR..=LAST_YEAR).contains(&year) {
                bail!(
                    "year {year} is outside {FIRST_YEAR}–{LAST_YEAR}, the years tor computes bank holidays for"
                );
            }
            (first_day(year), last_day(year))
        }
        (None, Some(from), Some(to)) => (from, to),
        (None, None, None) => {
            let year = chrono::Datelike::year(&super::today());
            (first_day(year), last_day(year))
        }
        _ => bail!("give --year, or --from and --to"),
    };
    if to < from {
        bail!("--to {to} is before --from {from}");
    }
    for d in [from, to] {
        if !(FIRST_YEAR..=LAST_YEAR).contains(&chrono::Datelike::year(&d)) {
            bail!(
                "{d} is outside {FIRST_YEAR}–{LAST_YEAR}, the years tor computes bank holidays for"
            );
        }
    }
    let calendar = tor::proclaimed::add_to(Calendar::new(args.region), &catalog(g)?.proclaimed()?);
    let days: Vec<BankHoliday> = calendar.holidays_between(from, to);
    emit(
        g.format,
        &Out {
            days,
            region: args.region,
            from,
            to,
        },
    )
}

/// What `tor holidays` reports: the bank holidays between two days.
#[derive(Serialize)]
#[serde(transparent)]
struct Out {
    days: Vec<BankHoliday>,
    #[serde(skip)]
    region: Region,
    #[serde(skip)]
    from: NaiveDate,
    #[serde(skip)]
    to: NaiveDate,
}

impl Report for Out {
    fn human(&self) -> String {
        let mut t = table(["date", "name"]);
        for d in &self.days {
            t.add_row([dates::day(d.date), esc(&d.name).to_string()]);
        }
        format!(
            "Bank holidays in {} from {} to {}\n{t}\n",
            self.region,
            dates::day(self.from),
            dates::day(self.to)
        )
    }

    fn status(&self) -> Status {
        Status::Valid
    }
}

fn first_day(year: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(NaiveDate::MIN)
}

fn last_day(year: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(NaiveDate::MAX)
}
