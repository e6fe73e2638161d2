//! Writing query answers within the timeout and the result limit.
//!
//! An answer that fails must not look like a success. Solutions are written into a buffer first:
//! an answer that fits in [`PREFILL`] bytes is sent whole, with an error status if the query
//! timed out or passed the result limit while it was written. A larger answer is streamed after
//! its first [`PREFILL`] bytes; if it fails later, the connection is closed before the chunked
//! body's end, which every HTTP client reports as an error, never as a complete answer. Graph
//! answers are collected (at most the result limit), sorted and written whole, so that the same
//! store gives the same bytes. This module does not choose formats; `negotiate` does.

use super::deadline::Deadline;
use super::{Refusal, Reply};
use oxhttp::model::{Body, Response, StatusCode, header};
use oxigraph::io::RdfFormat;
use oxigraph::model::{GraphName, Quad};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{QueryEvaluationError, QuerySolutionIter, QueryTripleIter};
use std::cell::RefCell;
use std::io::{self, Read, Write};
use std::rc::Rc;
use std::time::Duration;

/// The bytes written before the status is sent: an answer this small always gets the right status.
pub const PREFILL: usize = 4 << 20;

/// Why an answer stopped.
#[derive(Debug)]
enum Failure {
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
struct Shared(Rc<RefCell<Vec<u8>>>);

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

/// SELECT solutions in `format`, at most `limit` of them, ending by `deadline`.
pub fn solutions(solutions: QuerySolutionIter<'static>, format: QueryResultsFormat, limit: u64, deadline: Deadline, timeout: Duration) -> Reply {
    let buffer = Shared::default();
    let serializer = QueryResultsSerializer::from_format(format);
    let writer = serializer.serialize_solutions_to_writer(buffer.clone(), solutions.variables().to_vec()).map_err(Refusal::internal)?;
    let mut writer = Some(writer);
    let mut solutions = solutions;
    let mut count = 0u64;
    let step: Step = Box::new(move || {
        // The deadline lives as long as the answer is being written.
        let _ = &deadline;
        match solutions.next() {
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
        }
    });
    respond(buffer, step, format.media_type())
}

/// An ASK answer in `format`.
pub fn boolean(value: bool, format: QueryResultsFormat) -> Reply {
    let mut body = Vec::new();
    QueryResultsSerializer::from_format(format).serialize_boolean_to_writer(&mut body, value).map_err(Refusal::internal)?;
    super::ok(format.media_type(), body)
}

/// A CONSTRUCT or DESCRIBE answer in `format`: at most `limit` triples, sorted.
pub fn triples(triples: QueryTripleIter<'static>, format: RdfFormat, limit: u64, timeout: Duration) -> Reply {
    let mut quads = Vec::new();
    for triple in triples {
        let triple = triple.map_err(|e| Failure::from_evaluation(e, timeout).refusal())?;
        if quads.len() as u64 >= limit {
            return Err(Failure::TooMany(limit).refusal());
        }
        quads.push(Quad::from(triple.in_graph(GraphName::DefaultGraph)));
    }
    graph(quads, format)
}

/// `quads` as one sorted graph in `format`.
pub fn graph(quads: Vec<Quad>, format: RdfFormat) -> Reply {
    let mut body = Vec::new();
    crate::store::write_sorted(quads, format, true, &mut body).map_err(Refusal::internal)?;
    super::ok(format.media_type(), body)
}

/// Runs `step` until the answer is complete or [`PREFILL`] bytes are written, then answers: the
/// whole body, the refusal it failed with, or the start of a stream.
fn respond(buffer: Shared, mut step: Step, content_type: &'static str) -> Reply {
    loop {
        if buffer.0.borrow().len() >= PREFILL {
            let body = Body::from_read(Streamed { buffer, position: 0, step: Some(step) });
            return Response::builder().header(header::CONTENT_TYPE, content_type).body(body).map_err(Refusal::internal);
        }
        match step() {
            Ok(true) => {}
            Ok(false) => return super::ok(content_type, buffer.0.take()),
            Err(failure) => return Err(failure.refusal()),
        }
    }
}

/// A body that writes more of the answer each time its buffer is drained.
struct Streamed {
    buffer: Shared,
    position: usize,
    step: Option<Step>,
}

impl Read for Streamed {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        while self.position == self.buffer.0.borrow().len() {
            let Some(step) = self.step.as_mut() else { return Ok(0) };
            self.buffer.0.borrow_mut().clear();
            self.position = 0;
            match step() {
                Ok(true) => {}
                Ok(false) => self.step = None,
                Err(failure) => {
                    // An error here closes the connection before the body's end: the client
                    // sees a broken answer, not a short one.
                    self.step = None;
                    let message = failure.refusal().message;
                    tracing::warn!("answer stopped while streaming: {message}");
                    return Err(io::Error::other(message));
                }
            }
        }
        let buffer = self.buffer.0.borrow();
        let n = out.len().min(buffer.len() - self.position);
        out[..n].copy_from_slice(&buffer[self.position..self.position + n]);
        self.position += n;
        Ok(n)
    }
}
