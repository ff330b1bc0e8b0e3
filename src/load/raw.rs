//! The ToR file exactly as written: serde structs that reject unknown keys.
//!
//! Everything that a later check needs to point at is `Spanned`, so a diagnostic can
//! name the line and column. Meaning is given in [`crate::load::check`].

use schemars::JsonSchema;
use serde::Deserialize;

mod decisions;

pub use super::events::{RawAmount, RawElectionYear, RawEventDeadline};
pub use super::spanned::{DateOrWord, S, TomlDate};
pub use decisions::*;

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawTor {
    /// The partnership id: the file name without `.toml` (lower-case words and hyphens).
    pub id: S<String>,
    /// The body's name when the ToR was adopted; later names go in `history`.
    pub name: S<String>,
    /// The source document and its date.
    pub source: Option<String>,
    /// Where the body usually meets (an address or venue), for calendars; at most
    /// 500 characters.
    #[schemars(length(min = 1, max = 500))]
    pub location: Option<S<String>>,
    /// The date the ToR took effect.
    pub adopted: Option<S<TomlDate>>,
    /// Bank holidays: `england-and-wales` (default), `scotland` or `northern-ireland`.
    #[schemars(extend("enum" = ["england-and-wales", "scotland", "northern-ireland"]))]
    pub region: Option<S<String>>,
    /// IANA time zone of the meetings; `Europe/London` by default.
    pub timezone: Option<S<String>>,
    /// Days the body does not work although they are not bank holidays.
    #[serde(default)]
    pub closures: Vec<S<TomlDate>>,
    /// Bank holidays proclaimed after this release of tor, for this partnership.
    #[serde(default)]
    pub extra_holidays: Vec<RawExtraHoliday>,
    /// Membership classes (e.g. responsible authority, co-opted).
    #[serde(default)]
    pub classes: Vec<RawClass>,
    /// Member organisations.
    #[serde(default)]
    pub members: Vec<RawMember>,
    /// Who chairs and how the chair is filled.
    pub chair: Option<RawChair>,
    /// The quorum; leave out if the ToR states none.
    pub quorum: Option<RawQuorum>,
    /// What quorum and votes count: "organisations" (the default, one each)
    /// or "people" (each member's `seats`).
    pub counts: Option<S<String>>,
    /// Notice periods for papers, extraordinary meetings and minutes.
    pub notice: Option<RawNotices>,
    /// How often the body meets.
    pub frequency: Option<RawFrequency>,
    /// Public access and public meetings.
    pub public: Option<RawPublic>,
    /// How decisions are made.
    pub decisions: Option<RawDecisions>,
    /// Attendance rules outside decisions: remote attendance.
    pub attendance: Option<RawAttendance>,
    /// Standing agenda items.
    pub standing_items: Option<RawStandingItems>,
    /// When the ToR is reviewed.
    pub review: Option<RawReview>,
    /// Renames, successor bodies and abolition.
    #[serde(default)]
    pub history: Vec<RawHistory>,
    /// Statutory body types this ToR adds to the bundled table, or bundled
    /// types it gives a local date.
    #[serde(default)]
    pub statutory_bodies: Vec<RawStatutoryBody>,
    /// Years of England's ordinary local elections this ToR adds to the bundled
    /// table, or bundled years it gives another day.
    #[serde(default)]
    pub ordinary_elections: Vec<RawElectionYear>,
    /// Deadlines relative to events: before or after the annual meeting, the
    /// May meeting, the ordinary elections or another marked meeting.
    #[serde(default)]
    pub event_deadlines: Vec<RawEventDeadline>,
    /// Dated changes to the rules, oldest first: from each one's date its rule
    /// tables replace (or add) the ones above, and `remove` drops rules.
    #[serde(default)]
    #[schemars(with = "Vec<RawAmendment>")]
    pub amendments: Vec<S<RawAmendment>>,
}

/// One dated amendment: the rule tables it replaces or adds have the shape of
/// the top-level ones (`[amendments.quorum]`, `[amendments.notice.agenda]`, …).
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawAmendment {
    /// The first day the amended rules are in force.
    pub from: S<TomlDate>,
    /// The clause of the ToR the amendment changes, e.g. "4.3".
    pub clause: S<String>,
    /// The resolution or minute that made the change, e.g. "minute 12/22".
    pub minute: Option<String>,
    pub note: Option<String>,
    pub chair: Option<RawChair>,
    pub quorum: Option<RawQuorum>,
    pub notice: Option<RawNotices>,
    pub frequency: Option<RawFrequency>,
    pub public: Option<RawPublic>,
    pub decisions: Option<RawDecisions>,
    pub standing_items: Option<RawStandingItems>,
    pub review: Option<RawReview>,
    /// Rules no longer in force from `from`.
    #[serde(default)]
    #[schemars(
        with = "Vec<String>",
        extend("items" = {"type": "string", "enum": ["chair", "quorum", "notice.agenda", "notice.extraordinary", "notice.minutes", "frequency", "public.access", "public.meetings", "decisions", "standing-items", "review"]})
    )]
    pub remove: Vec<S<String>>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawExtraHoliday {
    pub date: S<TomlDate>,
    pub name: String,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawClass {
    pub id: S<String>,
    pub name: String,
    #[serde(default = "yes")]
    pub voting: bool,
    /// The clause number or heading in the source document, e.g. "4.3".
    pub clause: Option<S<String>>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawMember {
    pub id: S<String>,
    pub name: String,
    pub class: S<String>,
    /// Absent: the class decides.
    pub voting: Option<bool>,
    /// Seats (people) the member holds, for a ToR that counts people: 1 to 10000.
    #[schemars(range(min = 1, max = 10000))]
    pub seats: Option<S<u32>>,
    pub from: Option<S<TomlDate>>,
    pub until: Option<S<TomlDate>>,
    /// The member whose seat this one took over (e.g. a clinical commissioning
    /// group succeeding a primary care trust): `tor validate` then checks that
    /// the two memberships neither overlap nor leave a day between them.
    pub succeeds: Option<S<String>>,
    /// The kind of statutory body the member is (e.g. `primary-care-trust`):
    /// a type of the bundled table or of this file's `statutory_bodies`.
    pub body: Option<S<String>>,
    /// The clause number or heading in the source document, e.g. "4.3".
    pub clause: Option<S<String>>,
    pub note: Option<String>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawChair {
    /// The clause number or heading in the source document, e.g. "4.3".
    pub clause: S<String>,
    #[schemars(extend("enum" = ["elected-annually", "elected-at-may-meeting", "rotating", "named"]))]
    pub appointment: S<String>,
    /// The member organisation that provides the chair, where the ToR names one.
    pub member: Option<S<String>>,
    pub rotation_class: Option<S<String>>,
    /// Years each holder of a rotating chair serves: 1 to 20.
    #[schemars(range(min = 1, max = 20))]
    pub rotation_years: Option<S<u32>>,
    pub deputy: Option<RawClauseFlag>,
    pub casting_vote: Option<RawClauseFlag>,
    /// The member organisation that provides the vice-chair, where the ToR names one.
    pub vice_chair: Option<S<String>>,
    /// Who presides when the chair is absent, in order: `vice-chair` (the
    /// vice-chair or deputy), then `chosen` (a member chosen by the meeting, or
    /// the chair's nominee, for that meeting). Leaving it out with `deputy`
    /// set means `["vice-chair"]`.
    #[schemars(with = "Option<Vec<String>>", extend("items" = {"type": "string", "enum": ["vice-chair", "chosen"]}))]
    pub fallbacks: Option<S<Vec<S<String>>>>,
    /// The class the chair is drawn from.
    pub class: Option<S<String>>,
    /// Chair and vice-chair taken in turn by members, a year each.
    pub alternation: Option<RawAlternation>,
    /// The chair's term, and how many terms one holder may serve in a row.
    pub term: Option<RawTerm>,
    /// Who held the chair from when, in date order: `[[chair.holders]]`.
    #[serde(default)]
    pub holders: Vec<RawChairHolder>,
}

/// A member whose representative held the chair, from a date.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawChairHolder {
    /// The member organisation whose representative held the chair.
    pub member: S<String>,
    /// The first day it held the chair.
    pub from: S<TomlDate>,
    /// The last day it held the chair (inclusive); without it, the day before
    /// the next holder's `from`, or still held.
    pub until: Option<S<TomlDate>>,
    /// The clause number or heading in the source document, e.g. "4.3".
    pub clause: S<String>,
    /// Where the record of this holder comes from (a minute, a report).
    pub source: Option<String>,
}

/// Chair and vice-chair alternating: `members[0]` chairs from `starts` with
/// `members[1]` as vice-chair; each anniversary of `starts` they move on one.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawAlternation {
    /// The clause number or heading in the source document, e.g. "4.3".
    pub clause: S<String>,
    /// The members taking the chair in turn, at least two, each once.
    pub members: S<Vec<S<String>>>,
    /// The day the first member's year in the chair begins; the chair passes on
    /// on its anniversary.
    pub starts: S<TomlDate>,
}

/// A chair's term.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawTerm {
    /// The clause number or heading in the source document, e.g. "4.3".
    pub clause: S<String>,
    /// Years one term lasts: 1 to 20.
    #[schemars(range(min = 1, max = 20))]
    pub years: S<u32>,
    /// At most this many terms in a row by one holder (1: no consecutive
    /// terms): 1 to 20.
    #[schemars(range(min = 1, max = 20))]
    pub max_consecutive: Option<S<u32>>,
}

/// A permission stated by a clause: present means allowed.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawClauseFlag {
    /// The clause number or heading in the source document, e.g. "4.3".
    pub clause: S<String>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawQuorum {
    /// The clause number or heading in the source document, e.g. "4.3".
    pub clause: S<String>,
    /// At least this many members (of `class`, if given): 1 to 10000.
    #[schemars(range(min = 1, max = 10000))]
    pub at_least: Option<S<u32>>,
    pub class: Option<S<String>>,
    /// A fraction of the voting membership in post, like "1/3".
    pub fraction: Option<S<String>>,
    /// How `fraction` becomes whole members: "up" (the default) or "down".
    pub rounding: Option<S<String>>,
    /// Further conditions that must all hold, each one of: a count
    /// (`at_least`, `class`) or `fraction`; `at_least_each` with `from`;
    /// `members`; `any_of`; `presiding = true`.
    #[serde(default)]
    pub all: Vec<S<RawCondition>>,
    /// What an inquorate meeting may still do.
    pub fallback: Option<S<RawQuorumFallback>>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawQuorumFallback {
    /// The chair (or the meeting) may let an inquorate meeting continue; its
    /// decisions must then be ratified.
    #[serde(rename = "continue")]
    pub continued: Option<RawContinuation>,
    /// A meeting reconvened after an adjournment for want of a quorum.
    pub adjourned: Option<RawAdjourned>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawContinuation {
    /// The clause number or heading in the source document, e.g. "4.3".
    pub clause: S<String>,
    /// Whose discretion: "chair" or "meeting" (a resolution of those present).
    #[schemars(extend("enum" = ["chair", "meeting"]))]
    pub by: S<String>,
    /// Where its decisions must be ratified: "next-quorate-meeting".
    #[schemars(extend("enum" = ["next-quorate-meeting"]))]
    pub ratify: S<String>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawAdjourned {
    /// The clause number or heading in the source document, e.g. "4.3".
    pub clause: S<String>,
    /// The reconvened meeting's quorum: "those-present".
    #[schemars(extend("enum" = ["those-present"]))]
    pub quorum: S<String>,
}

/// One condition of a combined quorum: exactly one of its shapes.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawCondition {
    /// At least this many (of `class`, if given): 1 to 10000.
    #[schemars(range(min = 1, max = 10000))]
    pub at_least: Option<S<u32>>,
    pub class: Option<S<String>>,
    /// A fraction of the voting membership in post, like "1/3".
    pub fraction: Option<S<String>>,
    /// How `fraction` becomes whole members: "up" (the default) or "down".
    pub rounding: Option<S<String>>,
    /// At least this many from each of `from`: 1 to 10000.
    #[schemars(range(min = 1, max = 10000))]
    pub at_least_each: Option<S<u32>>,
    /// Member or class ids, for `at_least_each`.
    #[serde(default)]
    pub from: Vec<S<String>>,
    /// Members who must all be present.
    pub members: Option<Vec<S<String>>>,
    /// Members of whom at least one must be present.
    pub any_of: Option<Vec<S<String>>>,
    /// Whoever presides as chair must be present.
    pub presiding: Option<S<bool>>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawNotices {
    pub agenda: Option<RawNotice>,
    pub extraordinary: Option<RawNotice>,
    pub minutes: Option<RawNotice>,
}

/// Exactly one of the period keys must be given; the key names the convention.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawNotice {
    /// The clause number or heading in the source document, e.g. "4.3".
    pub clause: S<String>,
    /// N working days before (or, for minutes, after): 0 to 261, a year.
    #[schemars(range(min = 0, max = 261))]
    pub working_days: Option<S<u32>>,
    /// N whole working days between: 0 to 261, a year.
    #[schemars(range(min = 0, max = 261))]
    pub clear_working_days: Option<S<u32>>,
    /// N whole calendar days between: 0 to 366, a year.
    #[schemars(range(min = 0, max = 366))]
    pub clear_days: Option<S<u32>>,
    /// Plain calendar days: the meeting date stepped back N days; 0 to 366, a year.
    #[schemars(range(min = 0, max = 366))]
    pub days: Option<S<u32>>,
    /// N clear days as the Local Government Act 1972 s.243 counts them: no
    /// Sundays, Christmas or Easter break, or bank holidays (Saturdays count);
    /// 0 to 366.
    #[schemars(range(min = 0, max = 366))]
    pub statutory_days: Option<S<u32>>,
    /// N hours of elapsed time: 0 to 8784, a leap year.
    #[schemars(range(min = 0, max = 8784))]
    pub hours: Option<S<u32>>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawFrequency {
    /// The clause number or heading in the source document, e.g. "4.3".
    pub clause: S<String>,
    /// Every N months: 1 to 120.
    #[schemars(range(min = 1, max = 120))]
    pub every_months: Option<S<u32>>,
    /// At least N meetings `per` period: 1 to 7 a week, 31 a month, 92 a quarter, 366 a year.
    #[schemars(range(min = 1, max = 366))]
    pub at_least: Option<S<u32>>,
    /// Exactly N meetings `per` period: 1 to 7 a week, 31 a month, 92 a quarter, 366 a year.
    #[schemars(range(min = 1, max = 366))]
    pub times: Option<S<u32>>,
    #[schemars(extend("enum" = ["week", "month", "quarter", "year"]))]
    pub per: Option<S<String>>,
    /// `MM-DD`: the day the partnership's year starts (municipal year).
    pub year_starts: Option<S<String>>,
    /// The only months meetings may be held in, e.g. `["october", "november"]`.
    #[schemars(length(min = 1, max = 12))]
    #[schemars(extend("items" = {"enum": ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]}))]
    pub months: Option<S<Vec<S<String>>>>,
    /// The only days of the week meetings may be held on, e.g. `["thursday"]`.
    #[schemars(length(min = 1, max = 7))]
    #[schemars(extend("items" = {"enum": ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]}))]
    pub weekdays: Option<S<Vec<S<String>>>>,
    /// The longest a meeting may follow the one before: one of `months`,
    /// `weeks` or `days`, e.g. `{ months = 2 }`.
    pub max_gap: Option<S<RawGap>>,
    pub cancellation: Option<RawCancellation>,
}

/// Exactly one key: calendar months (SPEC §3's month-end rule), weeks or days.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawGap {
    /// N calendar months: 1 to 120.
    #[schemars(range(min = 1, max = 120))]
    pub months: Option<S<u32>>,
    /// N weeks: 1 to 520.
    #[schemars(range(min = 1, max = 520))]
    pub weeks: Option<S<u32>>,
    /// N days: 1 to 3660.
    #[schemars(range(min = 1, max = 3660))]
    pub days: Option<S<u32>>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawCancellation {
    /// The clause number or heading in the source document, e.g. "4.3".
    pub clause: S<String>,
    #[serde(default)]
    pub consult_members: bool,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawPublic {
    pub access: Option<RawAccess>,
    pub meetings: Option<RawPublicMeetings>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawAccess {
    /// The clause number or heading in the source document, e.g. "4.3".
    pub clause: S<String>,
    #[schemars(extend("enum" = ["closed", "open-except-restricted", "open"]))]
    pub mode: S<String>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawPublicMeetings {
    /// The clause number or heading in the source document, e.g. "4.3".
    pub clause: S<String>,
    /// At least N public meetings a year: 1 to 366.
    #[schemars(range(min = 1, max = 366))]
    pub at_least: S<u32>,
    /// Every member of this class must attend the public meeting.
    pub required_class: Option<S<String>>,
    /// The body the yearly public meeting is held jointly with: a public
    /// meeting counts only where its `joint_with` names it (or its member id).
    pub joint_with: Option<String>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawAttendance {
    /// Members attending remotely (by video or telephone).
    pub remote: Option<RawRemote>,
    /// Who may send a substitute for an absent member, and on what terms.
    pub substitutes: Option<RawAttendanceStandIns>,
    /// Who may send a deputy for an absent member, and on what terms.
    pub deputies: Option<RawAttendanceStandIns>,
}

/// `[attendance.substitutes]` or `[attendance.deputies]`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
// The keys are the ToR's own yes/no answers, each its own TOML key.
#[allow(clippy::struct_excessive_bools)]
pub struct RawAttendanceStandIns {
    /// The clause number or heading in the source document, e.g. "4.3".
    pub clause: S<String>,
    /// Members who may send one (with `classes`: either); every member, if
    /// neither is given.
    pub members: Option<Vec<S<String>>>,
    /// Classes whose members may send one.
    pub classes: Option<Vec<S<String>>>,
    /// A stand-in counts for the quorum (default true).
    #[serde(default = "yes")]
    pub counts_for_quorum: bool,
    /// A stand-in holds the member's vote (default true).
    #[serde(default = "yes")]
    pub votes: bool,
    /// No more stand-ins than the member's absent seats (one for an absent
    /// organisation).
    #[serde(default)]
    pub one_per_absent_member: bool,
    /// At most N stand-ins for one member: 1 to 100.
    #[schemars(range(min = 1, max = 100))]
    pub per_member: Option<S<u32>>,
    /// The member tells the secretariat beforehand, the ToR not saying when.
    #[serde(default)]
    pub advance_notice: bool,
    /// Notified at least N hours before the meeting starts: 0 to 8784.
    #[schemars(range(min = 0, max = 8784))]
    pub notice_hours: Option<S<u32>>,
    /// Registered with the secretariat before this day, or before an event
    /// each year (`"may-meeting"`, `"annual-meeting"`, `"meeting:<mark>"`):
    /// its latest occurrence on or before the meeting.
    pub registered_before: Option<S<DateOrWord>>,
    /// The first day the rule holds; always, if absent.
    pub from: Option<S<TomlDate>>,
    /// The last day the rule holds (inclusive); always, if absent.
    pub until: Option<S<TomlDate>>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawRemote {
    /// The clause number or heading in the source document, e.g. "4.3".
    pub clause: S<String>,
    /// Those attending remotely count for the quorum (default false).
    #[serde(default)]
    pub counts_for_quorum: bool,
    /// Those attending remotely may vote (default false).
    #[serde(default)]
    pub votes: bool,
    /// The first day the rule holds (e.g. a statute's start); always, if absent.
    pub from: Option<S<TomlDate>>,
    /// The last day the rule holds (inclusive); always, if absent.
    pub until: Option<S<TomlDate>>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawStandingItems {
    /// The clause number or heading in the source document, e.g. "4.3".
    pub clause: S<String>,
    pub items: Vec<S<String>>,
    #[serde(default)]
    pub staggered: bool,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawReview {
    /// The clause number or heading in the source document, e.g. "4.3".
    pub clause: S<String>,
    #[serde(default)]
    pub annually: bool,
    pub next: Option<S<TomlDate>>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawHistory {
    pub date: S<TomlDate>,
    #[schemars(extend("enum" = ["renamed", "succeeded", "abolished"]))]
    pub event: S<String>,
    /// The new name (`renamed`), the successor body (`succeeded`), or the
    /// decision that ended the body (`abolished`).
    pub name: String,
    pub source: Option<String>,
}

pub(super) fn yes() -> bool {
    true
}

/// A type of statutory body, in the bundled table or a ToR's own additions.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawStatutoryBody {
    /// The type's id, e.g. `primary-care-trust` (lower-case words and hyphens).
    pub id: S<String>,
    /// The type's name in a sentence, e.g. "primary care trust".
    pub name: String,
    /// The first day bodies of this type no longer existed.
    pub abolished: Option<S<TomlDate>>,
    /// What took over the role, e.g. "the integrated care board".
    pub replaced_by: Option<String>,
    /// The statute or order the date comes from.
    pub source: Option<String>,
}

/// The bundled table of statutory body types (`data/statutory-bodies.toml`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawStatutoryTable {
    pub statutory_bodies: Vec<RawStatutoryBody>,
}
