//! How human output looks on the stream it goes to: whether it is coloured, how
//! wide its tables may be, and the colour of each verdict.
//!
//! Colour is decided once, at start-up, so every command agrees; the words
//! coloured are chosen by typed statuses, never by reading the text back.

use std::fmt;
use std::io::IsTerminal;
use std::sync::OnceLock;

use anstyle::{AnsiColor, Style};
use comfy_table::{Cell, Color, ColumnConstraint, ContentArrangement, Table, Width, presets};

/// `--color` as typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub(crate) enum ColorChoice {
    /// Colour when standard output is a terminal and NO_COLOR is unset or empty
    #[default]
    Auto,
    /// Always colour, even into a pipe or a file
    Always,
    /// Never colour
    Never,
}

/// What `--color auto` decides: colour only on a terminal, and never with
/// `NO_COLOR` set to anything but the empty string (no-color.org).
pub(super) fn decide(
    choice: ColorChoice,
    is_terminal: bool,
    no_color: Option<&std::ffi::OsStr>,
) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => is_terminal && no_color.is_none_or(std::ffi::OsStr::is_empty),
    }
}

static COLOR: OnceLock<bool> = OnceLock::new();

/// Makes the one decision about colour for this run.
pub(super) fn init(choice: ColorChoice) {
    let on = decide(
        choice,
        std::io::stdout().is_terminal(),
        std::env::var_os("NO_COLOR").as_deref(),
    );
    let _ = COLOR.set(on);
}

/// Whether standard output is coloured in this run.
pub(super) fn stdout_color() -> bool {
    *COLOR.get_or_init(|| {
        decide(
            ColorChoice::Auto,
            std::io::stdout().is_terminal(),
            std::env::var_os("NO_COLOR").as_deref(),
        )
    })
}

/// The meaning a word carries, which picks its colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Tone {
    /// Valid, passed, carried.
    Good,
    /// Not valid, failed, lost.
    Bad,
    /// Needs a look but does not fail.
    Warn,
    /// Not judged.
    Quiet,
}

impl Tone {
    fn ansi(self) -> AnsiColor {
        match self {
            Self::Good => AnsiColor::Green,
            Self::Bad => AnsiColor::Red,
            Self::Warn => AnsiColor::Yellow,
            Self::Quiet => AnsiColor::BrightBlack,
        }
    }

    fn table_color(self) -> Color {
        match self {
            Self::Good => Color::Green,
            Self::Bad => Color::Red,
            Self::Warn => Color::Yellow,
            Self::Quiet => Color::DarkGrey,
        }
    }
}

/// `text` in the colour of `tone`, bold, when output is coloured; else as is.
pub(super) fn paint(text: &str, tone: Tone) -> String {
    if !stdout_color() {
        return text.to_owned();
    }
    let style = Style::new().bold().fg_color(Some(tone.ansi().into()));
    format!("{style}{text}{style:#}")
}

/// A table cell in the colour of `tone` (the table decides whether to show it).
pub(super) fn cell(text: impl Into<String>, tone: Tone) -> Cell {
    Cell::new(text.into()).fg(tone.table_color())
}

/// The width tables are fitted to: `COLUMNS` when set to a number, else the
/// terminal's width (80 where a terminal reports 0), else none (a pipe gets
/// rows of their natural length).
fn table_width() -> Option<u16> {
    let columns = std::env::var("COLUMNS").ok();
    fit_width(
        columns.as_deref(),
        std::io::stdout().is_terminal(),
        // A table that may detect the terminal asks it; comfy-table's only way in.
        || Table::new().width(),
    )
}

fn fit_width(
    columns: Option<&str>,
    is_terminal: bool,
    terminal: impl FnOnce() -> Option<u16>,
) -> Option<u16> {
    const FALLBACK: u16 = 80;
    if let Some(n) = columns
        .and_then(|c| c.trim().parse::<u16>().ok())
        .filter(|n| *n > 0)
    {
        return Some(n);
    }
    is_terminal.then(|| terminal().filter(|w| *w > 0).unwrap_or(FALLBACK))
}

/// A table for people, fitted to the terminal when printed.
#[derive(Debug, Clone)]
pub(super) struct Grid {
    table: Table,
    width: Option<u16>,
}

impl Grid {
    pub(super) fn add_row<R: Into<comfy_table::Row>>(&mut self, row: R) -> &mut Self {
        self.table.add_row(row);
        self
    }
}

pub(super) fn table<I, S>(header: I) -> Grid
where
    I: IntoIterator<Item = S>,
    S: Into<Cell>,
{
    let mut table = Table::new();
    table
        .load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_header(header)
        // The width and the colour are decided here, not by comfy-table's own
        // look at the terminal, so NO_COLOR does not also cost the wrapping.
        .force_no_tty();
    let width = table_width();
    if let Some(w) = width {
        table.set_width(w);
    }
    if stdout_color() {
        table.enforce_styling();
    }
    Grid { table, width }
}

impl fmt::Display for Grid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Some(width) = self.width else {
            return self.table.fmt(f);
        };
        let mut table = self.table.clone();
        keep_words_whole(&mut table, width);
        table.fmt(f)
    }
}

/// Gives each column at least the width of its longest word (an id, a clause
/// number, a date), so wrapping breaks between words, not inside them, as far
/// as the width allows: the first column first, since it names the row (an id,
/// a rule, a date), then the narrowest.
fn keep_words_whole(table: &mut Table, width: u16) {
    // The width below which a column is no longer readable.
    const READABLE: usize = 8;
    let columns = table.column_count();
    let mut longest = vec![0usize; columns];
    let rows = table.header().into_iter().chain(table.row_iter());
    for row in rows {
        for (i, c) in row.cell_iter().enumerate().take(columns) {
            let word = c
                .content()
                .split_whitespace()
                .map(|w| w.chars().count())
                .max()
                .unwrap_or(0);
            longest[i] = longest[i].max(word);
        }
    }
    // Each column has a border and one space of padding either side.
    let mut left = usize::from(width).saturating_sub(3 * columns + 1);
    let mut order: Vec<usize> = (0..columns).collect();
    order.sort_by_key(|&i| (i != 0, longest[i]));
    // What the columns not yet protected still need to stay readable.
    let mut reserve: usize = longest.iter().map(|&w| w.min(READABLE)).sum();
    for i in order {
        // Whether protected or not, this column no longer needs its reserve.
        reserve -= longest[i].min(READABLE);
        if longest[i] + reserve > left {
            // Left to wrap, in the room it was promised.
            left = left.saturating_sub(longest[i].min(READABLE));
            continue;
        }
        left -= longest[i];
        if let (Some(column), Ok(w)) = (table.column_mut(i), u16::try_from(longest[i] + 2)) {
            column.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(w)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colour_only_on_a_terminal_without_no_color() {
        use std::ffi::OsStr;
        assert!(decide(ColorChoice::Auto, true, None));
        assert!(decide(ColorChoice::Auto, true, Some(OsStr::new(""))));
        assert!(!decide(ColorChoice::Auto, true, Some(OsStr::new("1"))));
        assert!(!decide(ColorChoice::Auto, false, None));
        assert!(decide(ColorChoice::Always, false, Some(OsStr::new("1"))));
        assert!(!decide(ColorChoice::Never, true, None));
    }

    #[test]
    fn width_from_columns_then_terminal_then_80() {
        assert_eq!(fit_width(Some("100"), false, || None), Some(100));
        assert_eq!(fit_width(Some("0"), true, || Some(120)), Some(120));
        assert_eq!(fit_width(Some("wide"), true, || Some(0)), Some(80));
        assert_eq!(fit_width(None, true, || None), Some(80));
        assert_eq!(fit_width(None, false, || Some(120)), None);
    }
}
