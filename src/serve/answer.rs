//! Writing query answers within the timeout and the result limit.
//!
//! An answer that fails must not look like a success. Solutions are written into a buffer first:
//! an answer that fits in [`PREFILL`] bytes is sent whole, with an error status if the query
//! timed out or passed the result limit while it was written. A larger answer is streamed after
//! its first [`PREFILL`] bytes; if it fails later, the connection is closed before the chunked
//! body's end, which every HTTP client reports as an error, never as a complete answer. Graph
//! answers are collected (at most the result limit), sorted and written whole, so that the same
//! store gives the same bytes. Each query runs on a thread of its own, so that the client gets
//! its 503 at the deadline even while an operator that does not check for cancellation finishes.
//! This module does not choose formats; `negotiate` does.

use super::deadline::Deadline;
use super::{Refusal, Reply};
use oxhttp::model::{Body, Response, StatusCode, header};
use oxigraph::io::RdfFormat;
use oxigraph::model::GraphName;
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{QueryEvaluationError, QuerySolutionIter, QueryTripleIter};
use std::cell::RefCell;
use std::io::{self, Read, Write};
use std::rc::Rc;
use std::time::Duration;

/// The bytes written before the status is sent by default: an answer this small always gets the
/// right status.
pub const PREFILL: usize = 4 << 20;

/// Why an answer stopped.
#[derive(Debug)]
pub enum Failure {
    Timeout(Duration),
    TooMany(u64),
    Evaluation(QueryEvaluationError),
    Write(io::Error),
}

impl Failure {
    fn refusal(self) -> Refusal {
        match self {
            Failure::Timeout(t) => Refusal::new(
                StatusCode::SERVICE_UNAVAILABLE,
                format!("the query ran longer than the {} s timeout (--timeout) and was stopped", t.as_secs_f64()),
            ),
            Failure::TooMany(limit) => Refusal::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                format!("the answer has more than {limit} results (--max-results); add a LIMIT or narrow the query"),
            ),
            Failure::Evaluation(e) => Refusal::new(StatusCode::INTERNAL_SERVER_ERROR, format!("query evaluation failed: {e}")),
            Failure::Write(e) => Refusal::internal(e),
        }
    }

    fn from_evaluation(e: QueryEvaluationError, timeout: Duration) -> Self {
        match e {
            QueryEvaluationError::Cancelled => Failure::Timeout(timeout),
            e => Failure::Evaluation(e),
        }
    }
}

/// The refusal for a query that failed before its answer started.
pub fn evaluation_refusal(e: QueryEvaluationError, timeout: Duration) -> Refusal {
    Failure::from_evaluation(e, timeout).refusal()
}

/// A `Write` into a buffer that the body reader drains.
#[derive(Clone, Default)]
pub struct Shared(Rc<RefCell<Vec<u8>>>);

impl Write for Shared {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Writes one more piece of the answer into the buffer; `Ok(false)` once it is complete.
type Step = Box<dyn FnMut() -> Result<bool, Failure>>;

/// An answer as its worker thread has it.
pub enum Answer {
    /// The whole answer.
    Whole {
        /// Its media type.
        content_type: &'static str,
        /// Its bytes.
        body: Vec<u8>,
    },
    /// The first [`PREFILL`] bytes, and how to write the rest.
    Stream { content_type: &'static str, buffer: Shared, step: Step },
}

/// What a worker sends to the request's thread.
enum Message {
    /// The status and start of the answer, and whether more follows.
    Head(Result<(&'static str, Vec<u8>, bool), Refusal>),
    /// More of a streamed answer.
    Chunk(Vec<u8>),
    /// A streamed answer failed.
    Failed(String),
    /// A streamed answer is complete.
    End,
}

/// Bytes sent per chunk of a streamed answer.
const CHUNK: usize = 64 << 10;

/// Runs `work` (a query and the writing of its answer) on a thread of its own and answers when
/// its answer starts, or with 503 when the deadline passes first: Oxigraph checks cancellation as
/// it reads the store, so an operator that reads nothing for a while (a large join's hash table,
/// a sort) may outlive its deadline, and the client must not wait for it.
pub fn in_worker(deadline: Deadline, timeout: Duration, work: impl FnOnce() -> Result<Answer, Refusal> + Send + 'static) -> Reply {
    let (sender, receiver) = std::sync::mpsc::sync_channel(2);
    let started = std::time::Instant::now();
    std::thread::Builder::new()
        .name("hearsay query".into())
        .spawn(move || {
            // The query stays registered with the watchdog until its answer is written.
            let _deadline = deadline;
            produce(work, &sender);
        })
        .map_err(Refusal::internal)?;
    match receiver.recv_timeout(timeout.saturating_sub(started.elapsed())) {
        Ok(Message::Head(Ok((content_type, body, false)))) => super::ok(content_type, body),
        Ok(Message::Head(Ok((content_type, first, true)))) => {
            let body = Body::from_read(Received { receiver, current: first, position: 0 });
            Response::builder().header(header::CONTENT_TYPE, content_type).body(body).map_err(Refusal::internal)
        }
        Ok(Message::Head(Err(refusal))) => Err(refusal),
        Ok(_) => Err(Refusal::internal("the answer started without a head")),
        Err(std::sync::mpsc::RecvTimeoutError::Timeout) => Err(Failure::Timeout(timeout).refusal()),
        Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => Err(Refusal::internal("the query's thread stopped")),
    }
}

/// The worker's side: runs `work` and sends its answer, streamed in chunks when large.
fn produce(work: impl FnOnce() -> Result<Answer, Refusal>, sender: &std::sync::mpsc::SyncSender<Message>) {
    let (content_type, buffer, mut step) = match work() {
        Err(refusal) => return drop(sender.send(Message::Head(Err(refusal)))),
        Ok(Answer::Whole { content_type, body }) => return drop(sender.send(Message::Head(Ok((content_type, body, false))))),
        Ok(Answer::Stream { content_type, buffer, step }) => (content_type, buffer, step),
    };
    if sender.send(Message::Head(Ok((content_type, buffer.0.take(), true)))).is_err() {
        return;
    }
    loop {
        let message = match step() {
            Ok(true) if buffer.0.borrow().len() < CHUNK => continue,
            Ok(true) => Message::Chunk(buffer.0.take()),
            Ok(false) => {
                let _ = sender.send(Message::Chunk(buffer.0.take()));
                Message::End
            }
            Err(failure) => {
                let message = failure.refusal().message;
                tracing::warn!("answer stopped while streaming: {message}");
                Message::Failed(message)
            }
        };
        let last = !matches!(message, Message::Chunk(_));
        // A client that went away drops the receiver; the query stops here.
        if sender.send(message).is_err() || last {
            return;
        }
    }
}

/// SELECT solutions in `format`, at most `limit` of them: whole when they fit in [`PREFILL`]
/// bytes, else the start of a stream.
pub fn solutions(
    solutions: QuerySolutionIter<'static>,
    format: QueryResultsFormat,
    limit: u64,
    prefill: usize,
    timeout: Duration,
) -> Result<Answer, Refusal> {
    let buffer = Shared::default();
    let serializer = QueryResultsSerializer::from_format(format);
    let writer = serializer.serialize_solutions_to_writer(buffer.clone(), solutions.variables().to_vec()).map_err(Refusal::internal)?;
    let mut writer = Some(writer);
    let mut solutions = solutions;
    let mut count = 0u64;
    let mut step: Step = Box::new(move || match solutions.next() {
        None => {
            writer.take().map(|w| w.finish()).transpose().map_err(Failure::Write)?;
            Ok(false)
        }
        Some(Err(e)) => Err(Failure::from_evaluation(e, timeout)),
        Some(Ok(solution)) => {
            count += 1;
            if count > limit {
                return Err(Failure::TooMany(limit));
            }
            writer.as_mut().map(|w| w.serialize(&solution)).transpose().map_err(Failure::Write)?;
            Ok(true)
        }
    });
    let content_type = format.media_type();
    loop {
        if buffer.0.borrow().len() >= prefill {
            return Ok(Answer::Stream { content_type, buffer, step });
        }
        match step() {
            Ok(true) => {}
            Ok(false) => return Ok(Answer::Whole { content_type, body: buffer.0.take() }),
            Err(failure) => return Err(failure.refusal()),
        }
    }
}

/// An ASK answer in `format`.
pub fn boolean(value: bool, format: QueryResultsFormat) -> Result<Answer, Refusal> {
    let mut body = Vec::new();
    QueryResultsSerializer::from_format(format).serialize_boolean_to_writer(&mut body, value).map_err(Refusal::internal)?;
    Ok(Answer::Whole { content_type: format.media_type(), body })
}

/// A CONSTRUCT or DESCRIBE answer in `format`: at most `limit` triples, sorted.
pub fn triples(triples: QueryTripleIter<'static>, format: RdfFormat, limit: u64, timeout: Duration) -> Result<Answer, Refusal> {
    let mut quads = Vec::new();
    for triple in triples {
        let triple = triple.map_err(|e| Failure::from_evaluation(e, timeout).refusal())?;
        if quads.len() as u64 >= limit {
            return Err(Failure::TooMany(limit).refusal());
        }
        quads.push(triple.in_graph(GraphName::DefaultGraph));
    }
    let mut body = Vec::new();
    crate::store::write_sorted(quads, format, true, &mut body).map_err(Refusal::internal)?;
    Ok(Answer::Whole { content_type: format.media_type(), body })
}

/// A streamed answer's body: the chunks its worker sends.
struct Received {
    receiver: std::sync::mpsc::Receiver<Message>,
    current: Vec<u8>,
    position: usize,
}

impl Read for Received {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        while self.position == self.current.len() {
            match self.receiver.recv() {
                Ok(Message::Chunk(bytes)) => {
                    self.current = bytes;
                    self.position = 0;
                }
                Ok(Message::End) => return Ok(0),
                // An error here closes the connection before the body's end: the client sees a
                // broken answer, not a short one.
                Ok(Message::Failed(message)) => return Err(io::Error::other(message)),
                Ok(Message::Head(_)) | Err(_) => return Err(io::Error::other("the query's thread stopped")),
            }
        }
        let n = out.len().min(self.current.len() - self.position);
        out[..n].copy_from_slice(&self.current[self.position..self.position + n]);
        self.position += n;
        Ok(n)
    }
}
