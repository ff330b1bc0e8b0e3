//! The ToR file exactly as written: serde structs that reject unknown keys.
//!
//! Everything that a later check needs to point at is `Spanned`, so a diagnostic can
//! name the line and column. Meaning is given in [`crate::load::check`].

use serde::Deserialize;
use toml::Spanned;
use toml::value::Datetime;

pub type S<T> = Spanned<T>;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTor {
    pub id: S<String>,
    pub name: S<String>,
    pub source: Option<String>,
    pub adopted: Option<S<Datetime>>,
    pub region: Option<S<String>>,
    pub timezone: Option<S<String>>,
    #[serde(default)]
    pub closures: Vec<S<Datetime>>,
    #[serde(default)]
    pub extra_holidays: Vec<RawExtraHoliday>,
    #[serde(default)]
    pub classes: Vec<RawClass>,
    #[serde(default)]
    pub members: Vec<RawMember>,
    pub chair: Option<RawChair>,
    pub quorum: Option<RawQuorum>,
    pub notice: Option<RawNotices>,
    pub frequency: Option<RawFrequency>,
    pub public: Option<RawPublic>,
    pub decisions: Option<RawDecisions>,
    pub standing_items: Option<RawStandingItems>,
    pub review: Option<RawReview>,
    #[serde(default)]
    pub history: Vec<RawHistory>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawExtraHoliday {
    pub date: S<Datetime>,
    pub name: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawClass {
    pub id: S<String>,
    pub name: String,
    #[serde(default = "yes")]
    pub voting: bool,
    pub clause: Option<S<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMember {
    pub id: S<String>,
    pub name: String,
    pub class: S<String>,
    /// Absent: the class decides.
    pub voting: Option<bool>,
    pub from: Option<S<Datetime>>,
    pub until: Option<S<Datetime>>,
    pub clause: Option<S<String>>,
    pub note: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawChair {
    pub clause: S<String>,
    pub appointment: S<String>,
    /// The member organisation that provides the chair, where the ToR names one.
    pub member: Option<S<String>>,
    pub rotation_class: Option<S<String>>,
    pub rotation_years: Option<S<u32>>,
    pub deputy: Option<RawClauseFlag>,
    pub casting_vote: Option<RawClauseFlag>,
}

/// A permission stated by a clause: present means allowed.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawClauseFlag {
    pub clause: S<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawQuorum {
    pub clause: S<String>,
    pub at_least: Option<S<u32>>,
    pub class: Option<S<String>>,
    pub fraction: Option<S<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawNotices {
    pub agenda: Option<RawNotice>,
    pub extraordinary: Option<RawNotice>,
    pub minutes: Option<RawNotice>,
}

/// Exactly one of the period keys must be given; the key names the convention.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawNotice {
    pub clause: S<String>,
    pub working_days: Option<S<u32>>,
    pub clear_working_days: Option<S<u32>>,
    pub clear_days: Option<S<u32>>,
    pub hours: Option<S<u32>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFrequency {
    pub clause: S<String>,
    pub every_months: Option<S<u32>>,
    pub at_least: Option<S<u32>>,
    pub times: Option<S<u32>>,
    pub per: Option<S<String>>,
    /// `MM-DD`: the day the partnership's year starts (municipal year).
    pub year_starts: Option<S<String>>,
    pub cancellation: Option<RawCancellation>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCancellation {
    pub clause: S<String>,
    #[serde(default)]
    pub consult_members: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPublic {
    pub access: Option<RawAccess>,
    pub meetings: Option<RawPublicMeetings>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAccess {
    pub clause: S<String>,
    pub mode: S<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPublicMeetings {
    pub clause: S<String>,
    pub at_least: S<u32>,
    /// Every member of this class must attend the public meeting.
    pub required_class: Option<S<String>>,
    pub joint_with: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDecisions {
    pub clause: S<String>,
    pub method: S<String>,
    pub majority: Option<S<String>>,
    pub one_vote_per_organisation: Option<RawClauseFlag>,
    pub proxies: Option<RawKinds>,
    pub deputies: Option<RawStandIns>,
    pub substitutes: Option<RawStandIns>,
    pub opt_out: Option<RawKinds>,
    pub conflicts_of_interest: Option<RawKinds>,
    pub disputes: Option<RawDisputes>,
}

/// A rule that applies to some kinds of decision only.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawKinds {
    pub clause: S<String>,
    pub kinds: Vec<S<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawStandIns {
    pub clause: S<String>,
    #[serde(default = "yes")]
    pub holds_vote: bool,
    /// The member must tell the secretariat beforehand who stands in.
    #[serde(default)]
    pub advance_notice: bool,
    pub per_member: Option<S<u32>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDisputes {
    pub clause: S<String>,
    pub referred_to: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawStandingItems {
    pub clause: S<String>,
    pub items: Vec<S<String>>,
    #[serde(default)]
    pub staggered: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawReview {
    pub clause: S<String>,
    #[serde(default)]
    pub annually: bool,
    pub next: Option<S<Datetime>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawHistory {
    pub date: S<Datetime>,
    pub event: S<String>,
    pub name: String,
    pub source: Option<String>,
}

fn yes() -> bool {
    true
}
