//! `tor init`: a new ToR file from a few answers, valid by construction.
//!
//! The file is built with `toml_edit`, so every value is escaped by a TOML writer
//! and every comment sits above the key it explains. The text is loaded back before
//! it is returned: a file that `tor validate` would reject is never handed out.

mod chair;

pub use chair::ChairAnswer;

use std::collections::HashSet;
use std::path::Path;
use std::str::FromStr;

use toml_edit::{ArrayOfTables, Decor, DocumentMut, Item, Key, Table, Value, value};

use crate::calendar::Region;
use crate::model::{ClassId, DecisionMethod, InvalidId, Keyword, MemberId, PartnershipId, Period};

/// The clause written where none was given. `tor validate` accepts any text, so a
/// comment beside each one says it must be replaced.
pub const PLACEHOLDER: &str = "TODO";

/// Why the answers cannot make a ToR file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InitError {
    #[error(transparent)]
    Id(#[from] InvalidId),
    #[error(
        "member `{input}`: {reason}; write ID:CLASS or ID:CLASS:NAME, e.g. `police:responsible-authority:Merseyside Police`"
    )]
    Member { input: String, reason: String },
    #[error("quorum `{input}`: {reason}; write N, N:CLASS or a fraction like 1/3")]
    Quorum { input: String, reason: String },
    #[error(
        "frequency `{input}`: {reason}; write every-N-months, N-per-PERIOD (at least) or exactly-N-per-PERIOD, with PERIOD month, quarter or year"
    )]
    Frequency { input: String, reason: String },
    #[error(
        "chair `{input}`: {reason}; write elected-annually, elected-at-may-meeting, named, named:MEMBER or rotating:CLASS:YEARS"
    )]
    Chair { input: String, reason: String },
    #[error("the chair's member `{0}` is not one of the members given")]
    ChairMember(MemberId),
    #[error("the chair rotates in class `{class}`, which is not the class of any member{}", known_classes(.known))]
    ChairClass { class: ClassId, known: Vec<ClassId> },
    #[error("the name is empty")]
    EmptyName,
    #[error("the clause of the {0} rule is empty: give its number or heading in the ToR")]
    EmptyClause(&'static str),
    #[error("member `{0}` is given twice")]
    DuplicateMember(MemberId),
    #[error("a quorum of {n} is more than the {eligible} {of}")]
    QuorumTooHigh { n: u32, eligible: usize, of: String },
    #[error("quorum class `{class}` is not the class of any member{}", known_classes(.known))]
    QuorumClass { class: ClassId, known: Vec<ClassId> },
    #[error("the file tor init made does not load (a bug in tor): {0}")]
    NotValid(String),
}

fn known_classes(known: &[ClassId]) -> String {
    if known.is_empty() {
        " (no member is given)".to_owned()
    } else {
        let names: Vec<String> = known.iter().map(|c| format!("`{c}`")).collect();
        format!(" (the classes are {})", names.join(", "))
    }
}

pub use crate::fileio::WriteError;

/// One member organisation: `ID:CLASS[:NAME]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberAnswer {
    pub id: MemberId,
    pub class: ClassId,
    /// `None`: a name is made from the id, for the user to correct.
    pub name: Option<String>,
}

impl FromStr for MemberAnswer {
    type Err = InitError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let fail = |reason: String| InitError::Member {
            input: s.to_owned(),
            reason,
        };
        // At most three parts, so a name may itself contain colons.
        let mut parts = s.splitn(3, ':');
        let id = parts.next().unwrap_or_default().trim();
        let Some(class) = parts.next().map(str::trim) else {
            return Err(fail("no class".to_owned()));
        };
        let name = parts.next().map(str::trim).filter(|n| !n.is_empty());
        Ok(Self {
            id: MemberId::parse(id).map_err(|e| fail(e.to_string()))?,
            class: ClassId::parse(class).map_err(|e| fail(format!("class {e}")))?,
            name: name.map(str::to_owned),
        })
    }
}

/// A quorum: `N`, `N:CLASS` or a fraction `A/B`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QuorumAnswer {
    AtLeast { n: u32, class: Option<ClassId> },
    Fraction { numerator: u32, denominator: u32 },
}

impl FromStr for QuorumAnswer {
    type Err = InitError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let fail = |reason: &str| InitError::Quorum {
            input: s.to_owned(),
            reason: reason.to_owned(),
        };
        let s = s.trim();
        if let Some((a, b)) = s.split_once('/') {
            let (Ok(numerator), Ok(denominator)) = (a.trim().parse(), b.trim().parse()) else {
                return Err(fail("not a fraction"));
            };
            if numerator == 0 || denominator == 0 || numerator > denominator {
                return Err(fail("the fraction must be above 0 and at most 1"));
            }
            return Ok(Self::Fraction {
                numerator,
                denominator,
            });
        }
        let (n, class) = match s.split_once(':') {
            Some((n, class)) => (n.trim(), Some(class.trim())),
            None => (s, None),
        };
        let Ok(n) = n.parse::<u32>() else {
            return Err(fail("not a number of members"));
        };
        if n == 0 {
            return Err(fail("a quorum of 0 is no quorum"));
        }
        let class = match class {
            Some(c) => Some(ClassId::parse(c).map_err(|e| fail(&format!("class {e}")))?),
            None => None,
        };
        Ok(Self::AtLeast { n, class })
    }
}

/// As typed, so a default can be shown in a question.
impl std::fmt::Display for QuorumAnswer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::AtLeast { n, class: None } => write!(f, "{n}"),
            Self::AtLeast { n, class: Some(c) } => write!(f, "{n}:{c}"),
            Self::Fraction {
                numerator,
                denominator,
            } => write!(f, "{numerator}/{denominator}"),
        }
    }
}

/// How often the body meets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FrequencyAnswer {
    /// `every-N-months`
    EveryMonths(u32),
    /// `N-per-PERIOD`: at least N.
    AtLeast(u32, Period),
    /// `exactly-N-per-PERIOD`
    Exactly(u32, Period),
}

impl FromStr for FrequencyAnswer {
    type Err = InitError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let fail = |reason: &str| InitError::Frequency {
            input: s.to_owned(),
            reason: reason.to_owned(),
        };
        let count = |n: &str| match n.parse::<u32>() {
            Ok(0) => Err(fail("the number must be above 0")),
            Ok(n) => Ok(n),
            Err(_) => Err(fail("not a number")),
        };
        let t = s.trim();
        if let Some(rest) = t.strip_prefix("every-") {
            let n = rest
                .strip_suffix("-months")
                .or_else(|| rest.strip_suffix("-month"))
                .ok_or_else(|| fail("`every-` is followed by N-months"))?;
            return Ok(Self::EveryMonths(count(n)?));
        }
        let (exact, rest) = match t.strip_prefix("exactly-") {
            Some(rest) => (true, rest),
            None => (false, t),
        };
        let Some((n, per)) = rest.split_once("-per-") else {
            return Err(fail("no `-per-`"));
        };
        let n = count(n)?;
        let per = Period::from_keyword(per).ok_or_else(|| fail("unknown period"))?;
        Ok(if exact {
            Self::Exactly(n, per)
        } else {
            Self::AtLeast(n, per)
        })
    }
}

/// As typed, so a default can be shown in a question.
impl std::fmt::Display for FrequencyAnswer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::EveryMonths(n) => write!(f, "every-{n}-months"),
            Self::AtLeast(n, per) => write!(f, "{n}-per-{}", per.as_str()),
            Self::Exactly(n, per) => write!(f, "exactly-{n}-per-{}", per.as_str()),
        }
    }
}

/// A rule and the clause of the ToR that states it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stated<T> {
    pub rule: T,
    pub clause: String,
}

impl<T> Stated<T> {
    /// `clause` or, where none is given, [`PLACEHOLDER`].
    pub fn new(rule: T, clause: Option<String>) -> Self {
        Self {
            rule,
            clause: clause.unwrap_or_else(|| PLACEHOLDER.to_owned()),
        }
    }
}

/// Everything `tor init` asks for.
#[derive(Debug, Clone)]
pub struct Answers {
    pub id: PartnershipId,
    pub name: String,
    pub source: Option<String>,
    pub region: Region,
    pub members: Vec<MemberAnswer>,
    /// Written on every class and member when given (membership is not a rule, so
    /// no placeholder is written without it).
    pub members_clause: Option<String>,
    pub quorum: Option<Stated<QuorumAnswer>>,
    /// Papers go out this many working days before a meeting.
    pub notice_working_days: Option<Stated<u32>>,
    pub decision: Option<Stated<DecisionMethod>>,
    pub frequency: Option<Stated<FrequencyAnswer>>,
    pub chair: Option<Stated<ChairAnswer>>,
    /// The date of the next review.
    pub review: Option<Stated<chrono::NaiveDate>>,
}

impl Answers {
    pub fn new(id: PartnershipId, name: String) -> Self {
        Self {
            id,
            name,
            source: None,
            region: Region::default(),
            members: Vec::new(),
            members_clause: None,
            quorum: None,
            notice_working_days: None,
            decision: None,
            frequency: None,
            chair: None,
            review: None,
        }
    }

    /// How many clauses are the placeholder, for the user to replace.
    pub fn placeholders(&self) -> usize {
        [
            self.quorum.as_ref().map(|s| &s.clause),
            self.notice_working_days.as_ref().map(|s| &s.clause),
            self.decision.as_ref().map(|s| &s.clause),
            self.frequency.as_ref().map(|s| &s.clause),
            self.chair.as_ref().map(|s| &s.clause),
            self.review.as_ref().map(|s| &s.clause),
        ]
        .into_iter()
        .flatten()
        .filter(|c| *c == PLACEHOLDER)
        .count()
    }

    /// Everything the loader would refuse, as one clear error.
    pub fn check(&self) -> Result<(), InitError> {
        if self.name.trim().is_empty() {
            return Err(InitError::EmptyName);
        }
        let clauses = [
            ("membership", self.members_clause.as_ref()),
            ("quorum", self.quorum.as_ref().map(|s| &s.clause)),
            (
                "notice",
                self.notice_working_days.as_ref().map(|s| &s.clause),
            ),
            ("decision", self.decision.as_ref().map(|s| &s.clause)),
            ("frequency", self.frequency.as_ref().map(|s| &s.clause)),
            ("chair", self.chair.as_ref().map(|s| &s.clause)),
            ("review", self.review.as_ref().map(|s| &s.clause)),
        ];
        for (rule, clause) in clauses {
            if clause.is_some_and(|c| c.trim().is_empty()) {
                return Err(InitError::EmptyClause(rule));
            }
        }
        let mut seen = HashSet::new();
        for m in &self.members {
            if !seen.insert(&m.id) {
                return Err(InitError::DuplicateMember(m.id.clone()));
            }
        }
        if let Some(chair) = &self.chair {
            check_chair(&chair.rule, &self.members)?;
        }
        match &self.quorum {
            Some(q) => check_quorum(&q.rule, &self.members),
            None => Ok(()),
        }
    }
}

/// Whether `quorum` can be met by `members`: a quorum above the members it counts
/// could never be met, and the loader refuses it.
pub fn check_quorum(quorum: &QuorumAnswer, members: &[MemberAnswer]) -> Result<(), InitError> {
    let QuorumAnswer::AtLeast { n, class } = quorum else {
        return Ok(());
    };
    let (eligible, of) = match class {
        Some(class) => {
            if !members.iter().any(|m| &m.class == class) {
                return Err(InitError::QuorumClass {
                    class: class.clone(),
                    known: classes(members),
                });
            }
            let count = members.iter().filter(|m| &m.class == class).count();
            (count, format!("members of class `{class}`"))
        }
        // Every class tor init writes is a voting class, so every member counts.
        None => (members.len(), "members given".to_owned()),
    };
    if *n as usize > eligible {
        return Err(InitError::QuorumTooHigh {
            n: *n,
            eligible,
            of,
        });
    }
    Ok(())
}

/// Whether the member or class the chair comes from is among `members`.
pub fn check_chair(chair: &ChairAnswer, members: &[MemberAnswer]) -> Result<(), InitError> {
    match chair {
        ChairAnswer::Named(Some(member)) if !members.iter().any(|m| &m.id == member) => {
            Err(InitError::ChairMember(member.clone()))
        }
        ChairAnswer::Rotating { class, .. } if !members.iter().any(|m| &m.class == class) => {
            Err(InitError::ChairClass {
                class: class.clone(),
                known: classes(members),
            })
        }
        _ => Ok(()),
    }
}

/// The members' classes, each once, in order of first use.
fn classes(members: &[MemberAnswer]) -> Vec<ClassId> {
    let mut out: Vec<ClassId> = Vec::new();
    for m in members {
        if !out.contains(&m.class) {
            out.push(m.class.clone());
        }
    }
    out
}

/// The ToR file for `answers`, commented, checked by loading it back.
pub fn render(answers: &Answers) -> Result<String, InitError> {
    answers.check()?;
    let text = document(answers).to_string();
    let loaded = crate::load::load_tor(
        "<tor init>",
        Some(answers.id.as_str()),
        text.as_bytes(),
        None,
    );
    if loaded.tor.is_none() || loaded.errors() > 0 {
        let messages: Vec<&str> = loaded
            .diagnostics
            .iter()
            .map(|d| d.message.as_str())
            .collect();
        return Err(InitError::NotValid(messages.join("; ")));
    }
    Ok(text)
}

/// The first line: the JSON Schema editors (taplo, Even Better TOML) check the
/// file against, where the bundled files keep it: `tor schema > schema/tor.schema.json`
/// beside the folder of ToR files writes it.
const SCHEMA_LINE: &str = "#:schema ../schema/tor.schema.json\n";

const HEADER: &str = "\
Terms of reference written by `tor init`. Every rule carries `clause`: the
clause number or heading in the source document, cited in every finding.
Replace each \"TODO\" clause, add the other rules the document states (`tor
schema` describes every key), then check the file with `tor validate`. The
line above names the schema editors check the file against: write it with
`tor schema > schema/tor.schema.json` beside this folder.
";

fn document(a: &Answers) -> DocumentMut {
    let mut doc = DocumentMut::new();
    let root = doc.as_table_mut();
    // `put`, with the schema line above the comment.
    let mut decor = Decor::default();
    decor.set_prefix(format!(
        "{SCHEMA_LINE}{}",
        comment_block(&format!(
            "{HEADER}\nThe id equals the file name without `.toml`: lower-case words and hyphens."
        ))
    ));
    root.insert_formatted(
        &Key::new("id").with_leaf_decor(decor),
        Item::Value(a.id.as_str().into()),
    );
    put(
        root,
        "name",
        a.name.as_str(),
        "The body's name (later names go in [[history]]).",
    );
    if let Some(source) = &a.source {
        put(
            root,
            "source",
            source.as_str(),
            "The source document and its date.",
        );
    }
    put(
        root,
        "region",
        a.region.as_str(),
        "Bank holidays: england-and-wales, scotland or northern-ireland.",
    );

    let mut classes_out = ArrayOfTables::new();
    for (i, class) in classes(&a.members).iter().enumerate() {
        let mut t = Table::new();
        if i == 0 {
            t.decor_mut().set_prefix(comment_block(
                "\nMembership classes, one for each class of the members below. The names\n\
                 are made from the ids: correct them to the ToR's wording. Add\n\
                 `voting = false` to a class whose members do not vote.",
            ));
        }
        t.insert("id", value(class.as_str()));
        t.insert("name", value(readable(class.as_str())));
        if let Some(clause) = &a.members_clause {
            t.insert("clause", value(clause.as_str()));
        }
        classes_out.push(t);
    }
    if !classes_out.is_empty() {
        root.insert("classes", Item::ArrayOfTables(classes_out));
    }

    let mut members_out = ArrayOfTables::new();
    for (i, m) in a.members.iter().enumerate() {
        let mut t = Table::new();
        if i == 0 {
            t.decor_mut().set_prefix(comment_block(
                "\nMember organisations. A name made from the id is a guess: correct it.\n\
                 `from` and `until` (dates, both included) bound a membership.",
            ));
        }
        t.insert("id", value(m.id.as_str()));
        let name = m.name.clone().unwrap_or_else(|| readable(m.id.as_str()));
        t.insert("name", value(name));
        t.insert("class", value(m.class.as_str()));
        if let Some(clause) = &a.members_clause {
            t.insert("clause", value(clause.as_str()));
        }
        members_out.push(t);
    }
    if !members_out.is_empty() {
        root.insert("members", Item::ArrayOfTables(members_out));
    }

    if let Some(q) = &a.quorum {
        let mut t = rule_table(
            "Quorum: `at_least` N members (of `class`, else of the voting members), or\n\
             `fraction` of the voting members.",
            &q.clause,
        );
        match &q.rule {
            QuorumAnswer::AtLeast { n, class } => {
                t.insert("at_least", value(i64::from(*n)));
                if let Some(class) = class {
                    t.insert("class", value(class.as_str()));
                }
            }
            QuorumAnswer::Fraction {
                numerator,
                denominator,
            } => {
                t.insert("fraction", value(format!("{numerator}/{denominator}")));
            }
        }
        root.insert("quorum", Item::Table(t));
    }

    if let Some(n) = &a.notice_working_days {
        let mut t = rule_table(
            "Notice for agenda and papers: one of working_days, clear_working_days,\n\
             clear_days, days, statutory_days (LGA 1972 s.243) or hours.\n\
             `working_days` N: the meeting date stepped back N working days.",
            &n.clause,
        );
        t.insert("working_days", value(i64::from(n.rule)));
        // Implicit, so the file shows `[notice.agenda]` alone, as people write it.
        let mut notice = Table::new();
        notice.set_implicit(true);
        notice.insert("agenda", Item::Table(t));
        root.insert("notice", Item::Table(notice));
    }

    if let Some(d) = &a.decision {
        let mut t = rule_table(
            "Decisions: consensus, consensus-then-majority or majority (`majority`\n\
             may then be votes-cast, the default, two-thirds or members-present).",
            &d.clause,
        );
        t.insert("method", value(d.rule.as_str()));
        root.insert("decisions", Item::Table(t));
    }

    if let Some(f) = &a.frequency {
        let mut t = rule_table(
            "Frequency: `every_months`, or `at_least`/`times` N `per` month, quarter or\n\
             year.",
            &f.clause,
        );
        match f.rule {
            FrequencyAnswer::EveryMonths(n) => {
                t.insert("every_months", value(i64::from(n)));
            }
            FrequencyAnswer::AtLeast(n, per) | FrequencyAnswer::Exactly(n, per) => {
                let key = match f.rule {
                    FrequencyAnswer::Exactly(..) => "times",
                    _ => "at_least",
                };
                t.insert(key, value(i64::from(n)));
                t.insert("per", value(per.as_str()));
            }
        }
        root.insert("frequency", Item::Table(t));
    }

    if let Some(c) = &a.chair {
        let mut t = rule_table(
            "The chair: elected-annually, elected-at-may-meeting, named (an office\n\
             holds it; `member` names the organisation) or rotating. Add `deputy`\n\
             and `casting_vote` (each with its clause) only if the ToR says so.",
            &c.clause,
        );
        c.rule.fill(&mut t);
        root.insert("chair", Item::Table(t));
    }

    if let Some(r) = &a.review {
        let mut t = rule_table(
            "Review: the date of the next review (add `annually = true` if the ToR\n\
             is reviewed every year).",
            &r.clause,
        );
        t.insert("next", value(toml_date(r.rule)));
        root.insert("review", Item::Table(t));
    }

    let missing: Vec<&str> = [
        (a.quorum.is_none(), "[quorum]"),
        (a.notice_working_days.is_none(), "[notice.agenda]"),
        (a.decision.is_none(), "[decisions]"),
        (a.frequency.is_none(), "[frequency]"),
        (a.chair.is_none(), "[chair]"),
        (a.review.is_none(), "[review]"),
    ]
    .into_iter()
    .filter_map(|(absent, name)| absent.then_some(name))
    .collect();
    if !missing.is_empty() {
        doc.set_trailing(comment_block(&format!(
            "\nNot stated yet: {}. `tor validate` warns about each; add it if\n\
             the ToR states it, never invent it.",
            missing.join(", ")
        )));
    }
    doc
}

/// A date as a TOML date value (not a string).
fn toml_date(d: chrono::NaiveDate) -> toml_edit::Datetime {
    use chrono::Datelike;
    toml_edit::Datetime {
        date: Some(toml_edit::Date {
            year: u16::try_from(d.year()).unwrap_or_default(),
            month: u8::try_from(d.month()).unwrap_or_default(),
            day: u8::try_from(d.day()).unwrap_or_default(),
        }),
        time: None,
        offset: None,
    }
}

/// `key = v` with a comment above it.
fn put(table: &mut Table, key: &str, v: impl Into<Value>, comment: &str) {
    let mut decor = Decor::default();
    decor.set_prefix(comment_block(comment));
    table.insert_formatted(&Key::new(key).with_leaf_decor(decor), Item::Value(v.into()));
}

/// A rule's table with its comment and its clause; a placeholder clause gets a
/// comment of its own, since validate cannot tell it from a real one.
fn rule_table(comment: &str, clause: &str) -> Table {
    let mut t = Table::new();
    t.decor_mut()
        .set_prefix(comment_block(&format!("\n{comment}")));
    if clause == PLACEHOLDER {
        put(
            &mut t,
            "clause",
            clause,
            "TODO: the clause of the ToR that states this rule.",
        );
    } else {
        t.insert("clause", value(clause));
    }
    t
}

/// `text` as TOML comment lines; an empty line stays empty, so a leading `\n`
/// leaves a blank line above the comment.
fn comment_block(text: &str) -> String {
    text.lines()
        .map(|l| {
            if l.is_empty() {
                "\n".to_owned()
            } else {
                format!("# {l}\n")
            }
        })
        .collect()
}

/// `county-council` → `County council`.
fn readable(id: &str) -> String {
    let spaced = id.replace('-', " ");
    let mut chars = spaced.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => spaced,
    }
}

/// Writes `text` to `path` atomically (see [`crate::fileio::write_atomic`]),
/// creating missing folders first.
pub fn write_new(path: &Path, text: &str, replace: bool) -> Result<(), WriteError> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(dir).map_err(|e| WriteError::Io {
        path: path.display().to_string(),
        reason: crate::fileio::plain(&e),
    })?;
    crate::fileio::write_atomic(path, text.as_bytes(), replace)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn member(s: &str) -> MemberAnswer {
        s.parse().unwrap()
    }

    fn answers() -> Answers {
        let mut a = Answers::new(
            PartnershipId::parse("test-group").unwrap(),
            "Test \"Group\" — Ynys Môn".to_owned(),
        );
        a.members = vec![
            member("council:responsible-authority"),
            member("police:responsible-authority:The Police: North"),
            member("vcs:co-opted"),
        ];
        a
    }

    #[test]
    fn parses_members() {
        let m = member("police:responsible-authority:The Police: North");
        assert_eq!(m.id.as_str(), "police");
        assert_eq!(m.class.as_str(), "responsible-authority");
        assert_eq!(m.name.as_deref(), Some("The Police: North"));
        assert_eq!(member("a:b:").name, None);
        for bad in ["police", "Police:ra", "police:Ra", "police:", ":ra", ""] {
            assert!(bad.parse::<MemberAnswer>().is_err(), "{bad:?} accepted");
        }
    }

    #[test]
    fn parses_quorum() {
        assert_eq!(
            "3:ra".parse(),
            Ok(QuorumAnswer::AtLeast {
                n: 3,
                class: Some(ClassId::parse("ra").unwrap())
            })
        );
        assert_eq!(
            "1/3".parse(),
            Ok(QuorumAnswer::Fraction {
                numerator: 1,
                denominator: 3
            })
        );
        for text in ["3", "3:ra", "1/3"] {
            assert_eq!(text.parse::<QuorumAnswer>().unwrap().to_string(), text);
        }
        for bad in ["0", "-1", "x", "3:RA", "0/3", "4/3", "1/0", "1/x", ""] {
            assert!(bad.parse::<QuorumAnswer>().is_err(), "{bad:?} accepted");
        }
    }

    #[test]
    fn parses_frequency() {
        assert_eq!(
            "every-2-months".parse(),
            Ok(FrequencyAnswer::EveryMonths(2))
        );
        assert_eq!(
            "4-per-year".parse(),
            Ok(FrequencyAnswer::AtLeast(4, Period::Year))
        );
        assert_eq!(
            "exactly-10-per-year".parse(),
            Ok(FrequencyAnswer::Exactly(10, Period::Year))
        );
        for text in ["every-2-months", "4-per-quarter", "exactly-1-per-month"] {
            assert_eq!(text.parse::<FrequencyAnswer>().unwrap().to_string(), text);
        }
        for bad in ["every-0-months", "4-per-week", "monthly", "0-per-year", ""] {
            assert!(bad.parse::<FrequencyAnswer>().is_err(), "{bad:?} accepted");
        }
    }

    #[test]
    fn renders_a_file_that_loads() {
        let mut a = answers();
        a.quorum = Some(Stated::new(
            "2:responsible-authority".parse().unwrap(),
            None,
        ));
        a.notice_working_days = Some(Stated::new(5, Some("4.2 \"Notice\"".into())));
        a.decision = Some(Stated::new(DecisionMethod::Consensus, None));
        a.frequency = Some(Stated::new(FrequencyAnswer::Exactly(4, Period::Year), None));
        let text = render(&a).unwrap();
        let tor = crate::load::load_tor("t", Some("test-group"), text.as_bytes(), None)
            .tor
            .unwrap();
        assert_eq!(tor.name, a.name);
        assert_eq!(tor.members.len(), 3);
        assert_eq!(tor.classes.len(), 2);
        assert_eq!(tor.member("police").unwrap().name, "The Police: North");
        assert_eq!(tor.notice.agenda.unwrap().clause.0, "4.2 \"Notice\"");
        assert_eq!(a.placeholders(), 3);
        assert!(text.contains("[notice.agenda]") && !text.contains("[notice]\n"));
    }

    #[test]
    fn refuses_impossible_answers() {
        let mut a = answers();
        a.quorum = Some(Stated::new(
            "3:responsible-authority".parse().unwrap(),
            None,
        ));
        assert!(matches!(render(&a), Err(InitError::QuorumTooHigh { .. })));
        a.quorum = Some(Stated::new("1:chair".parse().unwrap(), None));
        assert!(matches!(render(&a), Err(InitError::QuorumClass { .. })));
        a.quorum = Some(Stated::new("4".parse().unwrap(), None));
        assert!(matches!(render(&a), Err(InitError::QuorumTooHigh { .. })));
        a.quorum = None;
        a.members.push(member("vcs:other"));
        assert!(matches!(render(&a), Err(InitError::DuplicateMember(_))));
        let mut a = answers();
        a.name = " ".into();
        assert_eq!(render(&a), Err(InitError::EmptyName));
        let mut a = answers();
        a.decision = Some(Stated::new(DecisionMethod::Majority, Some(String::new())));
        assert_eq!(render(&a), Err(InitError::EmptyClause("decision")));
    }

    #[test]
    fn write_new_never_clobbers_without_replace() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("new").join("a.toml");
        write_new(&path, "one", false).unwrap();
        assert!(matches!(
            write_new(&path, "two", false),
            Err(WriteError::Exists { .. })
        ));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "one");
        write_new(&path, "three", true).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "three");
        let left = std::fs::read_dir(dir.path().join("new")).unwrap().count();
        assert_eq!(left, 1, "a temporary file was left behind");
    }

    #[test]
    fn renders_without_members() {
        let a = Answers::new(PartnershipId::parse("a").unwrap(), "A".into());
        let text = render(&a).unwrap();
        assert!(!text.contains("[[members]]"));
    }
}
