//! The assistant's steps, in the order of the vendor's onboarding guide:
//! shared by the window and the printed checklist.

use crate::check::{CheckId, Report, Status};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum Step {
    #[default]
    Start,
    Destination,
    Spf,
    Dkim,
    Dmarc,
    Mx,
    Lockdown,
    Summary,
}

impl Step {
    pub const ALL: [Step; 8] = [
        Step::Start,
        Step::Destination,
        Step::Spf,
        Step::Dkim,
        Step::Dmarc,
        Step::Mx,
        Step::Lockdown,
        Step::Summary,
    ];

    /// Stable id, for saving and for message ids (`step-<id>`).
    pub fn id(self) -> &'static str {
        match self {
            Step::Start => "start",
            Step::Destination => "destination",
            Step::Spf => "spf",
            Step::Dkim => "dkim",
            Step::Dmarc => "dmarc",
            Step::Mx => "mx",
            Step::Lockdown => "lockdown",
            Step::Summary => "summary",
        }
    }

    pub fn from_id(id: &str) -> Option<Step> {
        Step::ALL.into_iter().find(|s| s.id() == id)
    }

    fn index(self) -> usize {
        Step::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }

    pub fn next(self) -> Option<Step> {
        Step::ALL.get(self.index() + 1).copied()
    }

    pub fn previous(self) -> Option<Step> {
        self.index().checked_sub(1).map(|i| Step::ALL[i])
    }

    /// The checks that verify this step.
    pub fn checks(self) -> &'static [CheckId] {
        match self {
            Step::Start => &[CheckId::DomainDns],
            Step::Destination => &[CheckId::DestinationHost],
            Step::Spf => &[
                CheckId::SpfRecord,
                CheckId::SpfGateway,
                CheckId::SpfLookups,
                CheckId::SpfAll,
            ],
            Step::Dkim => &[CheckId::DkimRecord, CheckId::DkimMatch],
            Step::Dmarc => &[CheckId::DmarcRecord, CheckId::DmarcReports],
            Step::Mx => &[CheckId::MxGateway, CheckId::MtaStsPolicy],
            Step::Lockdown | Step::Summary => &[],
        }
    }

    /// Steps that DNS cannot verify, which the admin marks done by hand.
    pub fn is_manual(self) -> bool {
        matches!(self, Step::Destination | Step::Lockdown)
    }

    /// Steps about DNS records, which say who hosts the domain's DNS.
    pub fn is_dns(self) -> bool {
        matches!(self, Step::Spf | Step::Dkim | Step::Dmarc | Step::Mx)
    }

    /// The step's colour: the worst status of its checks present in the
    /// report (a failure over a lookup problem over a warning), `None` when
    /// none has been checked.
    pub fn status(self, report: Option<&Report>) -> Option<Status> {
        let report = report?;
        Status::worst(
            self.checks()
                .iter()
                .filter_map(|id| report.get(*id).map(|c| c.status)),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_follow_the_guide_in_order() {
        assert_eq!(Step::Start.next(), Some(Step::Destination));
        assert_eq!(Step::Mx.next(), Some(Step::Lockdown));
        assert_eq!(Step::Summary.next(), None);
        assert_eq!(Step::Start.previous(), None);
        assert_eq!(Step::Dkim.previous(), Some(Step::Spf));
        for s in Step::ALL {
            assert_eq!(Step::from_id(s.id()), Some(s));
        }
    }
}
