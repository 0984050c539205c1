//! How the General Assembly adopted a resolution, from the UN's `data_extract` lines, and how
//! every front end says it.

use serde::{Deserialize, Serialize};
use std::fmt;

/// How the General Assembly voted.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Vote {
    pub kind: VoteKind,
    pub in_favour: u32,
    pub against: u32,
    pub abstaining: u32,
}

/// The kind of adoption. Stored and exported as the UN writes it (`adoptedWithoutVote`,
/// `adoptedRecordedVote`); a kind the UN adds later is kept as written.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
pub enum VoteKind {
    WithoutVote,
    Recorded,
    /// Anything else, as written (empty where the UN's line gives none).
    #[default]
    Unknown,
    Other(String),
}

impl VoteKind {
    /// The UN's name of the kind.
    pub fn as_str(&self) -> &str {
        match self {
            VoteKind::WithoutVote => "adoptedWithoutVote",
            VoteKind::Recorded => "adoptedRecordedVote",
            VoteKind::Unknown => "",
            VoteKind::Other(s) => s,
        }
    }
}

impl From<String> for VoteKind {
    fn from(s: String) -> VoteKind {
        match s.as_str() {
            "adoptedWithoutVote" => VoteKind::WithoutVote,
            "adoptedRecordedVote" => VoteKind::Recorded,
            "" => VoteKind::Unknown,
            _ => VoteKind::Other(s),
        }
    }
}

impl From<VoteKind> for String {
    fn from(k: VoteKind) -> String {
        k.as_str().to_owned()
    }
}

/// The vote as a reader says it: `adopted without a vote`, or the counts of a recorded vote.
impl fmt::Display for Vote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let counted = self.in_favour + self.against + self.abstaining > 0;
        match &self.kind {
            VoteKind::WithoutVote => f.write_str("adopted without a vote"),
            VoteKind::Unknown | VoteKind::Other(_) if !counted => f.write_str("vote not recorded"),
            _ => write!(f, "{} in favour, {} against, {} abstaining", self.in_favour, self.against, self.abstaining),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_keep_the_uns_names_and_read_as_words() {
        for name in ["adoptedWithoutVote", "adoptedRecordedVote", "", "someLaterKind"] {
            let kind = VoteKind::from(name.to_owned());
            assert_eq!(serde_json::to_string(&kind).unwrap(), format!("{name:?}"));
            assert_eq!(kind.as_str(), name);
        }
        let recorded = Vote { kind: VoteKind::Recorded, in_favour: 160, against: 3, abstaining: 12 };
        assert_eq!(recorded.to_string(), "160 in favour, 3 against, 12 abstaining");
        let without = Vote { kind: VoteKind::WithoutVote, ..Vote::default() };
        assert_eq!(without.to_string(), "adopted without a vote");
        assert_eq!(Vote::default().to_string(), "vote not recorded");
    }
}
