//! Query timeouts: one watchdog thread cancels every query whose deadline has passed.
//!
//! A query registers its `CancellationToken` with a deadline and keeps the returned [`Deadline`]
//! until its answer is written; dropping it unregisters the query. One thread for all queries,
//! rather than a sleeping thread per query, so that a busy server does not pile up threads. This
//! module does not decide what a cancelled query answers; `protocol` does.

use oxigraph::sparql::CancellationToken;
use std::collections::BTreeMap;
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

/// The queries running, by deadline, and the condition the watchdog waits on.
#[derive(Default)]
struct Shared {
    running: Mutex<Running>,
    changed: Condvar,
}

#[derive(Default)]
struct Running {
    tokens: BTreeMap<(Instant, u64), CancellationToken>,
    next_id: u64,
}

/// Cancels queries that run past their deadline.
#[derive(Clone)]
pub struct Watchdog {
    shared: Arc<Shared>,
    timeout: Duration,
}

/// A registered query; dropping it unregisters the query.
pub struct Deadline {
    shared: Arc<Shared>,
    key: (Instant, u64),
    /// The token the query is evaluated with.
    pub token: CancellationToken,
}

impl Watchdog {
    /// Starts the watchdog thread; each query gets `timeout`.
    pub fn start(timeout: Duration) -> std::io::Result<Self> {
        let shared = Arc::new(Shared::default());
        let watched = Arc::clone(&shared);
        std::thread::Builder::new().name("hearsay query watchdog".into()).spawn(move || watch(&watched))?;
        Ok(Self { shared, timeout })
    }

    /// The per-query timeout.
    pub fn timeout(&self) -> Duration {
        self.timeout
    }

    /// Registers a query that must end within the timeout.
    pub fn register(&self) -> Deadline {
        let token = CancellationToken::new();
        let mut running = self.shared.running.lock().expect("watchdog lock");
        running.next_id += 1;
        let key = (Instant::now() + self.timeout, running.next_id);
        running.tokens.insert(key, token.clone());
        drop(running);
        self.shared.changed.notify_one();
        Deadline { shared: Arc::clone(&self.shared), key, token }
    }
}

impl Drop for Deadline {
    fn drop(&mut self) {
        if let Ok(mut running) = self.shared.running.lock() {
            running.tokens.remove(&self.key);
        }
    }
}

/// The watchdog's loop: sleep until the earliest deadline (or a new query), cancel what expired.
fn watch(shared: &Shared) {
    let mut running = shared.running.lock().expect("watchdog lock");
    loop {
        let now = Instant::now();
        while let Some(entry) = running.tokens.first_entry() {
            if entry.key().0 > now {
                break;
            }
            entry.remove().cancel();
        }
        let wait = running.tokens.keys().next().map_or(Duration::from_secs(3600), |(at, _)| at.saturating_duration_since(now));
        running = match shared.changed.wait_timeout(running, wait) {
            Ok((guard, _)) => guard,
            Err(_) => return,
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expired_queries_are_cancelled_and_others_are_not() {
        let short = Watchdog::start(Duration::from_millis(20)).unwrap();
        let deadline = short.register();
        std::thread::sleep(Duration::from_millis(200));
        assert!(deadline.token.is_cancelled());
        let long = Watchdog::start(Duration::from_secs(60)).unwrap();
        let deadline = long.register();
        std::thread::sleep(Duration::from_millis(50));
        assert!(!deadline.token.is_cancelled());
    }
}
