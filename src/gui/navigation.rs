//! Moving between steps: Next, Back, the step list; what a step needs when
//! it opens (its top in sight, the keyboard in its field, its data read).

use iced::Task;
use iced::widget::operation;

use super::{App, CONTENT_SCROLL, Message, steps};
use crate::check::{self, CheckId};
use crate::platform::Platform;
use crate::step::Step;

impl App {
    /// Whether "Next" (or Enter in a field) may leave the open step: the
    /// first step needs a domain that can be used.
    pub fn can_go_on(&self) -> bool {
        if self.step.next().is_none() {
            return false;
        }
        if self.step != Step::Start {
            return true;
        }
        // A domain that does not exist in DNS cannot be onboarded either;
        // a lookup that got no answer at all does not stop the admin.
        self.domain.is_ok()
            && self
                .report()
                .and_then(|r| r.get(CheckId::DomainDns))
                .is_none_or(|c| c.status != check::Status::Fail)
    }

    pub(super) fn next(&mut self) -> Task<Message> {
        match self.step.next() {
            Some(step) if self.can_go_on() => self.go_to(step),
            _ => Task::none(),
        }
    }

    pub(super) fn go_to(&mut self, step: Step) -> Task<Message> {
        if step != Step::Start && self.domain.is_err() {
            // No step makes sense without a domain.
            self.step = Step::Start;
            return Task::none();
        }
        self.step = step;
        self.confirm_start_over = false;
        self.testmail.open = false;
        Task::batch([
            self.save(),
            self.start_check(),
            self.step_opened(),
            // A step opens at its top, title and "where" box in sight.
            operation::snap_to(CONTENT_SCROLL, operation::RelativeOffset::START),
            self.focus_first_field(),
        ])
    }

    /// Puts the keyboard in the step's field, if it has one.
    pub(super) fn focus_first_field(&self) -> Task<Message> {
        let id = match self.step {
            Step::Start => steps::DOMAIN_INPUT,
            Step::Destination => steps::DESTINATION_INPUT,
            Step::Dkim => steps::DKIM_INPUT,
            Step::Lockdown if self.platform == Platform::Microsoft365 => steps::SMART_HOST_INPUT,
            _ => return Task::none(),
        };
        operation::focus(id)
    }

    /// What a step needs when it opens: the lock-down step reads the
    /// gateway's ranges once.
    pub(super) fn step_opened(&mut self) -> Task<Message> {
        if self.step != Step::Lockdown {
            return Task::none();
        }
        self.lockdown
            .opened(&self.options.provider, self.options.resolver.clone())
            .map(Message::Lockdown)
    }

    pub(super) fn mark_done(&mut self, step: Step, done: bool) -> Task<Message> {
        // Lock-down cannot be marked done before the MX step is green.
        if done && !self.can_mark_done(step) {
            return Task::none();
        }
        if done {
            self.done.insert(step);
        } else {
            self.done.remove(&step);
        }
        self.save()
    }

    /// Can `step` be marked done now: its prerequisites are green and,
    /// for lock-down, the MX change has reached every resolver asked.
    pub fn can_mark_done(&self, step: Step) -> bool {
        step.can_mark_done(self.report(), &self.done)
            && !(step == Step::Lockdown && self.mx_still_propagating())
    }
}
