//! `tor list`: one row per partnership.

use anyhow::Result;
use serde::Serialize;

use comfy_table::Cell;

use super::dates;
use super::output::{Report, Status, Tone, cell, emit, esc, table};
use super::{Global, catalog, today};

#[derive(Serialize)]
struct Row {
    id: String,
    name: String,
    members: usize,
    review_due: Option<chrono::NaiveDate>,
    valid: bool,
}

pub(super) fn run(g: &Global) -> Result<Status> {
    let catalog = catalog(g)?;
    let today = today();
    let rows: Vec<Row> = catalog
        .load_all(None)?
        .into_iter()
        .map(|loaded| {
            let stem = loaded.path.rsplit(['/', '\\']).next().unwrap_or_default();
            let stem = stem.strip_suffix(".toml").unwrap_or(stem).to_owned();
            match loaded.tor {
                Some(tor) => Row {
                    id: tor.id.to_string(),
                    name: tor.name_on(today).to_owned(),
                    members: tor.members_on(today).count(),
                    review_due: tor.review.as_ref().and_then(|r| r.next),
                    valid: true,
                },
                None => Row {
                    id: stem,
                    name: "(not valid: run `tor validate`)".to_owned(),
                    members: 0,
                    review_due: None,
                    valid: false,
                },
            }
        })
        .collect();
    emit(g.format, &Out { rows, today })
}

/// What `tor list` reports: one row per partnership.
#[derive(Serialize)]
#[serde(transparent)]
struct Out {
    rows: Vec<Row>,
    /// A review due before it is overdue.
    #[serde(skip)]
    today: chrono::NaiveDate,
}

impl Report for Out {
    fn human(&self) -> String {
        let mut t = table(["id", "name", "members", "review due"]);
        for r in &self.rows {
            let review = match r.review_due {
                Some(d) if d < self.today => {
                    cell(format!("{} (overdue)", dates::day(d)), Tone::Warn)
                }
                Some(d) => Cell::new(dates::day(d)),
                None => Cell::new("not stated"),
            };
            let name = if r.valid {
                Cell::new(esc(&r.name))
            } else {
                cell(esc(&r.name).to_string(), Tone::Bad)
            };
            t.add_row([Cell::new(esc(&r.id)), name, Cell::new(r.members), review]);
        }
        format!("{t}\n")
    }

    /// Valid when every file loads.
    fn status(&self) -> Status {
        Status::from_valid(self.rows.iter().all(|r| r.valid))
    }
}
