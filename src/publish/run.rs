//! Applying a confirmed change and undoing the last one, each written to
//! the journal, whatever happens part-way.

use super::error::HostError;
use super::host::Client;
use super::journal::{Entry, Journal, JournalError, Kind, SetEntry};
use super::plan::{Change, same_set};

/// What stopped a change or an undo.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StopReason {
    Host(HostError),
    /// The record set at the host is not what was shown (or, for an undo,
    /// not what was written): someone changed it since. Nothing of it was
    /// written.
    Changed {
        name: String,
    },
}

impl StopReason {
    pub fn code(&self) -> &'static str {
        match self {
            StopReason::Host(e) => e.code(),
            StopReason::Changed { .. } => "changed",
        }
    }
}

/// The outcome: the journal entry (with what was written) and, if it
/// stopped, why and at which record set.
#[derive(Debug)]
pub struct Outcome {
    pub entry: Entry,
    pub stopped: Option<(String, StopReason)>,
    /// The journal could not be written: what was written is in `entry`
    /// alone, and must be shown.
    pub journal_error: Option<JournalError>,
}

impl Outcome {
    /// Record sets the host confirmed.
    pub fn written(&self) -> Vec<&SetEntry> {
        self.entry.sets.iter().filter(|s| s.written).collect()
    }

    /// Stopped after some writes: the zone holds part of the change.
    pub fn part_way(&self) -> bool {
        self.stopped.is_some() && self.entry.sets.iter().any(|s| s.written || s.failed)
    }
}

fn normal_set(client: &Client, change_rtype: super::plan::RType, raw: &[String]) -> Vec<String> {
    raw.iter().map(|v| client.normal(change_rtype, v)).collect()
}

/// Marks `set` written or failed after the host's answer to its write, and
/// adds it to `entry`: a failed write is journaled too, since the host may
/// have kept part of it.
fn record_write(
    entry: &mut Entry,
    mut set: SetEntry,
    result: Result<(), HostError>,
) -> Result<(), HostError> {
    set.written = result.is_ok();
    set.failed = result.is_err();
    entry.sets.push(set);
    result
}

/// Writes `entry` to the journal when it holds any record set (nothing
/// sent, nothing to keep) and makes the outcome.
fn journaled(entry: Entry, stopped: Option<(String, StopReason)>, journal: &Journal) -> Outcome {
    let journal_error = if entry.sets.is_empty() {
        None
    } else {
        journal.append(&entry).err()
    };
    Outcome {
        entry,
        stopped,
        journal_error,
    }
}

/// Applies `changes` to `zone`, one record set at a time, each checked
/// first against what the host holds; writes the journal entry, whether
/// everything was written or not, as soon as a write was sent.
pub async fn apply(client: &Client, zone: &str, changes: &[Change], journal: &Journal) -> Outcome {
    let mut entry = Entry::new(Kind::Publish, client.host().id(), zone);
    let mut stopped = None;
    if let Err(e) = client.check_zone(zone).await {
        return Outcome {
            entry,
            stopped: Some((String::new(), StopReason::Host(e))),
            journal_error: None,
        };
    }
    for change in changes {
        let current = match client.read(zone, &change.name, change.rtype).await {
            Ok(c) => c,
            Err(e) => {
                stopped = Some((change.name.clone(), StopReason::Host(e)));
                break;
            }
        };
        let current_normal = normal_set(client, change.rtype, &current.values);
        if !same_set(&current_normal, &change.before) {
            stopped = Some((
                change.name.clone(),
                StopReason::Changed {
                    name: change.fqdn.clone(),
                },
            ));
            break;
        }
        // What stays is kept in the host's own form, byte for byte.
        let mut after: Vec<String> = current
            .values
            .iter()
            .zip(&current_normal)
            .filter(|(_, normal)| change.after.contains(normal))
            .map(|(raw, _)| raw.clone())
            .collect();
        for added in change.added() {
            after.push(client.encode(change.rtype, added));
        }
        let set = SetEntry {
            name: change.name.clone(),
            rtype: change.rtype,
            ttl: change.ttl,
            before: current.values.clone(),
            after: after.clone(),
            written: false,
            failed: false,
        };
        let result = client
            .write(zone, &change.name, change.rtype, change.ttl, &after)
            .await;
        if let Err(e) = record_write(&mut entry, set, result) {
            stopped = Some((change.name.clone(), StopReason::Host(e)));
            break;
        }
    }
    // After a part-way failure too: what the zone holds is then what the
    // name servers serve, and what the journal says was written.
    if !entry.sets.is_empty() {
        match client.finish(zone).await {
            Ok(()) => entry.complete = stopped.is_none(),
            Err(e) => {
                if stopped.is_none() {
                    stopped = Some((String::new(), StopReason::Host(e)));
                }
            }
        }
    }
    journaled(entry, stopped, journal)
}

/// Restores the record sets of the last change of `zone` to what they
/// held before it. A set already back as it was is left alone; one changed
/// since by someone else is not overwritten.
pub async fn undo(
    client: &Client,
    zone: &str,
    last: &Entry,
    sets: &[SetEntry],
    journal: &Journal,
) -> Outcome {
    let mut entry = Entry::new(Kind::Undo, client.host().id(), zone);
    entry.undoes = Some(last.id.clone());
    let mut stopped = None;
    for set in sets.iter().rev() {
        let current = match client.read(zone, &set.name, set.rtype).await {
            Ok(c) => c,
            Err(e) => {
                stopped = Some((set.name.clone(), StopReason::Host(e)));
                break;
            }
        };
        let now = normal_set(client, set.rtype, &current.values);
        let before = normal_set(client, set.rtype, &set.before);
        let after = normal_set(client, set.rtype, &set.after);
        let mut restore = SetEntry {
            name: set.name.clone(),
            rtype: set.rtype,
            ttl: set.ttl,
            before: current.values.clone(),
            after: set.before.clone(),
            written: false,
            failed: false,
        };
        if same_set(&now, &before) {
            // Already as it was (a write that failed and was not kept).
            restore.written = true;
            entry.sets.push(restore);
            continue;
        }
        // A set whose write failed may hold anything between the two (a
        // host that writes record by record stopped in the middle): it is
        // put back whatever it holds. One that was written is put back only
        // if it still holds what was written.
        if !set.failed && !same_set(&now, &after) {
            let name = if set.name == "@" {
                zone.to_string()
            } else {
                format!("{}.{zone}", set.name)
            };
            stopped = Some((set.name.clone(), StopReason::Changed { name }));
            break;
        }
        let result = client
            .write(zone, &set.name, set.rtype, set.ttl, &set.before)
            .await;
        if let Err(e) = record_write(&mut entry, restore, result) {
            stopped = Some((set.name.clone(), StopReason::Host(e)));
            break;
        }
    }
    if entry.sets.iter().any(|s| s.written || s.failed) {
        match client.finish(zone).await {
            Ok(()) => entry.complete = stopped.is_none(),
            Err(e) => {
                if stopped.is_none() {
                    stopped = Some((String::new(), StopReason::Host(e)));
                }
            }
        }
    } else {
        entry.complete = stopped.is_none();
    }
    journaled(entry, stopped, journal)
}
