//! The ToR file `tor init` writes: a `toml_edit` document with a comment above
//! every key it sets.

use toml_edit::{ArrayOfTables, Decor, DocumentMut, Item, Key, Table, Value, value};

use super::general::toml_date;
use super::member::classes;
use super::{Answers, FrequencyAnswer, General, PLACEHOLDER, QuorumAnswer};
use crate::model::Keyword;

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

pub(super) fn document(a: &Answers) -> DocumentMut {
    let mut doc = DocumentMut::new();
    let root = doc.as_table_mut();
    identity(root, a);
    membership(root, a);
    rules(root, a);
    if let Some(note) = not_stated(a) {
        doc.set_trailing(note);
    }
    doc
}

/// The id, name, source and region, the first with the schema line and the
/// header above it.
fn identity(root: &mut Table, a: &Answers) {
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
    if let Some(counts) = a.general.counts() {
        put(
            root,
            "counts",
            counts.as_str(),
            "What quorum and votes count: organisations (one each) or people (each\n\
             member's `seats`).",
        );
    }
}

/// The membership classes and the member organisations.
fn membership(root: &mut Table, a: &Answers) {
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
        if let Some(s) = a.general.seats.iter().find(|s| s.member == m.id) {
            t.insert("seats", value(i64::from(s.seats)));
        }
        if let Some(clause) = &a.members_clause {
            t.insert("clause", value(clause.as_str()));
        }
        members_out.push(t);
    }
    if !members_out.is_empty() {
        root.insert("members", Item::ArrayOfTables(members_out));
    }
}

/// A table for each rule answered, with its clause.
fn rules(root: &mut Table, a: &Answers) {
    quorum(root, a);
    notice(root, a);
    decisions(root, a);
    frequency(root, a);
    chair(root, a);
    remote(root, a);
    review(root, a);
}

const QUORUM_COMMENT: &str = "Quorum: `at_least` N members (of `class`, else of the voting members), or\n\
     `fraction` of the voting members.";

const CONDITIONS_COMMENT: &str = "\nEach [[quorum.all]] entry is one more condition that must hold:\n\
     `at_least_each` N `from` members or classes, `members` all present,\n\
     `any_of` one present, `presiding` (whoever presides is among them).";

fn quorum(root: &mut Table, a: &Answers) {
    let comment = if a.general.quorum_all.is_empty() {
        QUORUM_COMMENT.to_owned()
    } else {
        format!("{QUORUM_COMMENT}{CONDITIONS_COMMENT}")
    };
    if let Some(clause) = a.quorum_all_clause() {
        let mut t = rule_table(&comment, clause);
        if let Some(all) = a.general.quorum_all() {
            t.insert("all", Item::ArrayOfTables(all));
        }
        if let Some(fallback) = a.general.quorum_fallback() {
            t.insert("fallback", Item::Table(fallback));
        }
        root.insert("quorum", Item::Table(t));
    }
    if let Some(q) = &a.quorum {
        let mut t = rule_table(&comment, &q.clause);
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
        if let Some(all) = a.general.quorum_all() {
            t.insert("all", Item::ArrayOfTables(all));
        }
        if let Some(fallback) = a.general.quorum_fallback() {
            t.insert("fallback", Item::Table(fallback));
        }
        root.insert("quorum", Item::Table(t));
    }
}

fn notice(root: &mut Table, a: &Answers) {
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
}

fn decisions(root: &mut Table, a: &Answers) {
    let written = a.general.written.as_ref();
    if a.decision.is_none() && written.is_none() {
        return;
    }
    let mut t = if let Some(d) = &a.decision {
        let mut t = rule_table(DECISIONS_COMMENT, &d.clause);
        d.rule.fill(&mut t, &d.clause);
        t
    } else {
        // Written procedure alone: `[decisions.written]` under an implicit table.
        let mut t = Table::new();
        t.set_implicit(true);
        t
    };
    if let Some(w) = written {
        let mut wt = rule_table(
            "Written procedure between meetings: replies due within `working_days`\n\
             working days of sending; carried when `fraction` of all voting members\n\
             in post agree (`comparison`: more-than or at-least).",
            &w.clause,
        );
        General::fill_written(w.rule, &mut wt);
        t.insert("written", Item::Table(wt));
    }
    root.insert("decisions", Item::Table(t));
}

const DECISIONS_COMMENT: &str = "Decisions: consensus, unanimity, consensus-then-majority or majority.\n\
     A majority is more than half of the votes cast unless `base`\n\
     (votes-cast, present, present-and-voting, membership, class:ID),\n\
     `fraction` (\"2/3\") and `comparison` (more-than, at-least) say else.\n\
     `then = [{ method = \"unanimity\", among = \"CLASS\" }]` escalates;\n\
     `casting_vote = false` where the ToR says there is none. The ToR's\n\
     own kinds: [[decisions.kinds]] (id, clause, method...); between\n\
     meetings: [decisions.written] (clause, working_days, fraction).";

fn frequency(root: &mut Table, a: &Answers) {
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
}

fn chair(root: &mut Table, a: &Answers) {
    if let Some(c) = &a.chair {
        let mut t = rule_table(
            "The chair: elected-annually, elected-at-may-meeting, named (an office\n\
             holds it; `member` names the organisation) or rotating. Add `deputy`\n\
             and `casting_vote` (each with its clause) only if the ToR says so.",
            &c.clause,
        );
        c.rule.fill(&mut t);
        a.general.fill_chair(&mut t, &c.clause);
        root.insert("chair", Item::Table(t));
    }
}

fn remote(root: &mut Table, a: &Answers) {
    let mut attendance = Table::new();
    attendance.set_implicit(true);
    if let Some(r) = &a.general.remote {
        let mut t = rule_table(
            "Members attending remotely: whether they count for the quorum and vote;\n\
             `from`/`until` (dates) bound the period the rule holds.",
            &r.clause,
        );
        General::fill_remote(r.rule, &mut t);
        attendance.insert("remote", Item::Table(t));
    }
    if let Some(s) = &a.general.substitutes {
        let mut t = rule_table(
            "Substitutes for absent members: who may send one (`members`; every member\n\
             if left out), whether one counts for the quorum and votes, and the notice;\n\
             `[attendance.deputies]` takes the same keys.",
            &s.clause,
        );
        General::fill_substitutes(&s.rule, &mut t);
        attendance.insert("substitutes", Item::Table(t));
    }
    if !attendance.is_empty() {
        root.insert("attendance", Item::Table(attendance));
    }
}

fn review(root: &mut Table, a: &Answers) {
    if let Some(r) = &a.review {
        let mut t = rule_table(
            "Review: the date of the next review (add `annually = true` if the ToR\n\
             is reviewed every year).",
            &r.clause,
        );
        t.insert("next", value(toml_date(r.rule)));
        root.insert("review", Item::Table(t));
    }
}

/// The closing comment naming the rules not answered, if any.
fn not_stated(a: &Answers) -> Option<String> {
    let missing: Vec<&str> = [
        (
            a.quorum.is_none() && a.general.quorum_all.is_empty(),
            "[quorum]",
        ),
        (a.notice_working_days.is_none(), "[notice.agenda]"),
        (a.decision.is_none(), "[decisions]"),
        (a.frequency.is_none(), "[frequency]"),
        (a.chair.is_none(), "[chair]"),
        (a.review.is_none(), "[review]"),
    ]
    .into_iter()
    .filter_map(|(absent, name)| absent.then_some(name))
    .collect();
    (!missing.is_empty()).then(|| {
        comment_block(&format!(
            "\nNot stated yet: {}. `tor validate` warns about each; add it if\n\
             the ToR states it, never invent it.",
            missing.join(", ")
        ))
    })
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
