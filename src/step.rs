//! The assistant's steps, in the order of the vendor's onboarding guide:
//! shared by the window and the printed checklist.

use std::collections::BTreeSet;

use crate::check::{CheckId, Report, Status};

/// Why a step is waiting: not yet safe to do, or not verifiable yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wait {
    /// Another step must be green first.
    Step(Step),
    /// The admin must confirm what DNS cannot see (the destination server
    /// saved in the console).
    Confirmation,
}

impl Wait {
    /// Stable code, for message ids (`wait-<code>`).
    pub fn code(self) -> &'static str {
        match self {
            Wait::Step(_) => "step",
            Wait::Confirmation => "confirmation",
        }
    }
}

/// A step's state as the step list, the step and the checklist show it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StepState {
    /// The colour: `None` when nothing was checked or done yet.
    pub status: Option<Status>,
    /// Why the step waits, when it does.
    pub waiting: Option<Wait>,
}

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

    /// The step's number as the step list shows it (1 for Start).
    pub fn number(self) -> usize {
        self.index() + 1
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

    /// The steps that must be green before this one is safe to do, in the
    /// guide's order: the gateway must know where to deliver before the MX
    /// records point to it, and the server is locked down only once mail
    /// comes through the gateway.
    pub fn prerequisites(self) -> &'static [Step] {
        match self {
            Step::Mx => &[Step::Destination],
            Step::Lockdown => &[Step::Mx],
            _ => &[],
        }
    }

    /// Can the admin mark this step done by hand now? Lock-down only once
    /// the MX records point to the gateway.
    pub fn can_mark_done(self, report: Option<&Report>, done: &BTreeSet<Step>) -> bool {
        self.is_manual()
            && self
                .prerequisites()
                .iter()
                .all(|p| p.state(report, done).status == Some(Status::Pass))
    }

    /// The step's state: its checks, what the admin confirmed, and whether
    /// the steps it needs are green.
    pub fn state(self, report: Option<&Report>, done: &BTreeSet<Step>) -> StepState {
        let checks = self.status(report);
        let confirmed = done.contains(&self);
        let blocked = self
            .prerequisites()
            .iter()
            .copied()
            .find(|p| p.state(report, done).status != Some(Status::Pass));
        let waiting = |wait: Wait| StepState {
            status: Some(Status::Waiting),
            waiting: Some(wait),
        };
        match self {
            // Green only when the host resolves and the admin confirmed it
            // is saved in the console.
            Step::Destination => match checks {
                Some(Status::Pass) if confirmed => StepState {
                    status: Some(Status::Pass),
                    waiting: None,
                },
                Some(Status::Pass) => waiting(Wait::Confirmation),
                other => StepState {
                    status: other,
                    waiting: None,
                },
            },
            // Done by hand, and only once the MX step is green.
            Step::Lockdown => match blocked {
                Some(step) => waiting(Wait::Step(step)),
                None => StepState {
                    status: confirmed.then_some(Status::Pass),
                    waiting: None,
                },
            },
            _ => match (checks, blocked) {
                (Some(Status::Pass), _) | (_, None) => StepState {
                    status: checks,
                    waiting: None,
                },
                (_, Some(step)) => waiting(Wait::Step(step)),
            },
        }
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
    use crate::check::{CheckResult, Code, Problem};

    fn report(statuses: &[(CheckId, Status)]) -> Report {
        Report {
            domain: "example.com".into(),
            checks: statuses
                .iter()
                .map(|(id, status)| {
                    let problems = match status {
                        Status::Pass => Vec::new(),
                        s => vec![Problem::new(Code::LookupFailed, *s)],
                    };
                    CheckResult::new(*id, Vec::new(), Vec::new(), problems)
                })
                .collect(),
        }
    }

    #[test]
    fn lock_down_waits_for_the_mx_and_the_mx_for_the_destination() {
        let none = BTreeSet::new();
        let mx_old = report(&[
            (CheckId::DestinationHost, Status::Pass),
            (CheckId::MxGateway, Status::Fail),
        ]);
        // The destination resolves but is not confirmed: waiting for the admin.
        assert_eq!(
            Step::Destination.state(Some(&mx_old), &none).waiting,
            Some(Wait::Confirmation)
        );
        // The MX step is not safe yet, and says why.
        assert_eq!(
            Step::Mx.state(Some(&mx_old), &none).waiting,
            Some(Wait::Step(Step::Destination))
        );
        // Lock-down can be read but not marked done, even if ticked before.
        let ticked: BTreeSet<Step> = [Step::Destination, Step::Lockdown].into();
        let state = Step::Lockdown.state(Some(&mx_old), &ticked);
        assert_eq!(state.status, Some(Status::Waiting));
        assert_eq!(state.waiting, Some(Wait::Step(Step::Mx)));
        assert!(!Step::Lockdown.can_mark_done(Some(&mx_old), &ticked));
        // Once the MX records point to the gateway, it can be done.
        let mx_ok = report(&[
            (CheckId::DestinationHost, Status::Pass),
            (CheckId::MxGateway, Status::Pass),
        ]);
        assert!(Step::Lockdown.can_mark_done(Some(&mx_ok), &ticked));
        assert_eq!(
            Step::Lockdown.state(Some(&mx_ok), &ticked).status,
            Some(Status::Pass)
        );
        // An MX already at the gateway is shown green, whatever came before.
        assert_eq!(
            Step::Mx.state(Some(&mx_ok), &none).status,
            Some(Status::Pass)
        );
    }

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
