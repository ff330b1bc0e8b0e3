//! The attendance flags `check-meeting` and `tally` share: who stood in for a
//! member, who attended remotely, and who gave the notice a stand-in needs. Declared once so that a new
//! way of attending is one field here, not two copies that drift.

/// How members attended other than in person. Each command flattens this where
/// its own attendance flags sit, so `--help` keeps one order; `tally` rewords
/// the help with `mut_arg` (its voters are listed under the member's id).
#[derive(Debug, Default, clap::Args)]
pub(crate) struct Attendance {
    /// Members attending remotely, besides those in the room (ORG or ORG:N);
    /// whether they count for quorum is the ToR's [attendance.remote]
    #[arg(add = super::complete::member(), long, value_name = "ORG[:N],...", value_delimiter = ',', value_parser = super::org_id)]
    pub remote: Vec<String>,
    /// Members represented by their substitute
    #[arg(add = super::complete::member(), long, value_name = "ORG,...", value_delimiter = ',', value_parser = super::org_id)]
    pub substitute: Vec<String>,
    /// Members represented by their deputy
    #[arg(add = super::complete::member(), long, value_name = "ORG,...", value_delimiter = ',', value_parser = super::org_id)]
    pub deputy: Vec<String>,
    /// Members who gave the advance notice their substitute or deputy needs
    #[arg(add = super::complete::member(), long, value_name = "ORG,...", value_delimiter = ',', value_parser = super::org_id)]
    pub notified: Vec<String>,
}

/// The ids of the flags above: `--meeting` and `--votes` conflict with them all
/// (a file states the same facts). Listed, not a clap group, so clap's error
/// names the one flag given.
pub(super) const FLAGS: [&str; 4] = ["remote", "substitute", "deputy", "notified"];
