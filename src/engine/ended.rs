//! A membership that ended because the law abolished the member's kind of
//! body: `check-meeting` and `tally` name the statute and its day rather than
//! a bare "not a member", so a reader sees why a body they know is no longer
//! counted.

use chrono::NaiveDate;

use super::Message;
use crate::model::{Member, StatutoryBody, Tor};
use crate::msg;

/// "NHS X (nhs-x, a primary care trust) ceased to be a member on 2013-03-31: primary
/// care trusts were abolished on 2013-04-01 (Health and Social Care Act 2012)",
/// where `member`'s membership had ended by `date` on the day before its kind
/// of statutory body was abolished; `None` otherwise (the plain tenure says it).
pub fn abolished_membership(tor: &Tor, member: &Member, date: NaiveDate) -> Option<Message> {
    let until = member.until.filter(|&u| u < date)?;
    let body = tor.body_of(member)?;
    let abolished = body.abolished.filter(|&a| until.succ_opt() == Some(a))?;
    // The id too: it is what the user typed, and may differ from the name.
    let kind = if member.name.eq_ignore_ascii_case(&body.name) {
        String::new()
    } else {
        format!(", {}", with_article(&body.name))
    };
    let mut message = msg![format!("{} ({}{kind})", member.name, member.id)];
    message = message.then(msg![
        " ceased to be a member on ",
        until,
        format!(": {} on ", abolished_phrase(body)),
        abolished
    ]);
    if let Some(source) = &body.source {
        message = message.then(format!(" ({source})"));
    }
    Some(message)
}

/// "a primary care trust", "an integrated care board"; a proper name (one body,
/// capitalised, e.g. "Metropolitan Police Authority") takes "the".
fn with_article(name: &str) -> String {
    if is_proper(name) {
        return format!("the {name}");
    }
    let vowel = name
        .chars()
        .next()
        .is_some_and(|c| "aeiou".contains(c.to_ascii_lowercase()));
    format!("{} {name}", if vowel { "an" } else { "a" })
}

/// "primary care trusts were abolished", "the Metropolitan Police Authority was
/// abolished".
fn abolished_phrase(body: &StatutoryBody) -> String {
    if is_proper(&body.name) {
        format!("the {} was abolished", body.name)
    } else {
        format!("{} were abolished", plural(&body.name))
    }
}

fn is_proper(name: &str) -> bool {
    name.chars().next().is_some_and(char::is_uppercase)
}

/// The English plural of a type's name: "authority" -> "authorities",
/// "trust" -> "trusts".
fn plural(name: &str) -> String {
    match name.strip_suffix('y') {
        Some(stem) if !stem.ends_with(['a', 'e', 'o', 'u']) => format!("{stem}ies"),
        _ if name.ends_with(['s', 'x']) || name.ends_with("ch") || name.ends_with("sh") => {
            format!("{name}es")
        }
        _ => format!("{name}s"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_names_take_their_plural_and_article() {
        assert_eq!(plural("primary care trust"), "primary care trusts");
        assert_eq!(plural("police authority"), "police authorities");
        assert_eq!(plural("probation service"), "probation services");
        assert_eq!(
            plural("safeguarding adults board"),
            "safeguarding adults boards"
        );
        assert_eq!(
            with_article("integrated care board"),
            "an integrated care board"
        );
        assert_eq!(with_article("police authority"), "a police authority");
        assert_eq!(
            with_article("Metropolitan Police Authority"),
            "the Metropolitan Police Authority"
        );
    }
}
