//! Batch runs of `ingest` and `extract`: reading inputs in batches, progress bars, duplicates,
//! tallies and the closing summary.

use crate::*;

/// Counters for the end-of-run summary.
#[derive(Default)]
pub(crate) struct Tally {
    pub(crate) articles: usize,
    pub(crate) duplicates: usize,
    pub(crate) failed: usize,
    /// Entities counted once per article they appear in.
    pub(crate) entities: usize,
    /// Hashes of the distinct entities' keys (what `stats` counts across the store).
    pub(crate) distinct: std::collections::HashSet<u64>,
    pub(crate) claims: usize,
    pub(crate) quads: usize,
    pub(crate) bytes: u64,
    /// Articles left to the other shards (`--shard`).
    pub(crate) other_shards: usize,
}

impl Tally {
    /// Counts one article's entities.
    pub(crate) fn entities_of(&mut self, doc: &Document) {
        use std::hash::{Hash, Hasher};
        self.entities += doc.entities.len();
        for e in &doc.entities {
            let mut h = std::collections::hash_map::DefaultHasher::new();
            e.key.hash(&mut h);
            self.distinct.insert(h.finish());
        }
    }
}

/// A progress bar on a terminal (nothing in a pipe or with -q): articles done, rate and, once the
/// files under `paths` are counted, the total and the time left.
pub(crate) fn progress(quiet: bool, verb: &str, paths: &[PathBuf]) -> ProgressBar {
    if quiet || !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    // One file is one article, except JSON Lines and standard input, whose count is unknown.
    let inputs: Vec<ingest::Input> = ingest::discover(paths).filter_map(Result::ok).collect();
    let counted = inputs.iter().all(|i| !i.is_stdin() && matches!(i.kind, Some(ingest::Kind::Text | ingest::Kind::Html)));
    let (bar, template) = if counted {
        let template = "{spinner} VERB {pos}/{len} articles ({per_sec}, {eta} left) {wide_bar} {elapsed}";
        (ProgressBar::new(inputs.len() as u64), template)
    } else {
        (ProgressBar::no_length(), "{spinner} VERB {pos} articles ({per_sec}) {elapsed}")
    };
    bar.set_style(ProgressStyle::with_template(&template.replace("VERB", verb)).expect("valid template"));
    bar.enable_steady_tick(std::time::Duration::from_millis(120));
    bar
}

/// Over what a second copy of an article (same content id) is found and skipped.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Duplicates {
    /// Over the whole run: `extract` has nothing else that remembers.
    InRun,
    /// Within each batch only: `ingest` asks the store about earlier batches, so memory does
    /// not grow with the corpus.
    InBatch,
}

/// Reads and analyses paths in bounded batches, in parallel, handing each batch's results to
/// `sink` in input order, with the thread pool (`--jobs`) for the sink's own parallel work.
#[allow(clippy::too_many_arguments)]
pub(crate) fn for_each_batch(
    pipeline: &Pipeline,
    paths: &[PathBuf],
    input: &InputOptions,
    bar: &ProgressBar,
    quiet: bool,
    tally: &mut Tally,
    duplicates: Duplicates,
    mut sink: impl FnMut(Vec<Document>, &mut Tally, &rayon::ThreadPool) -> Result<()>,
) -> Result<()> {
    let pool = rayon::ThreadPoolBuilder::new().num_threads(input.jobs.unwrap_or(0)).build()?;
    let options = input.read_options()?;
    let mut records = ingest::records(paths, &options);
    let mut seen = std::collections::HashMap::<String, String>::new();
    loop {
        let found: Vec<Result<ingest::Record, ingest::IngestError>> = records.by_ref().take(input.batch.max(1)).collect();
        if found.is_empty() {
            return Ok(());
        }
        let (notes, batch): (Vec<_>, Vec<_>) = found.into_iter().partition(|f| matches!(f, Err(ingest::IngestError::NotAnArticle { .. })));
        for note in notes.iter().filter_map(|n| n.as_ref().err()).filter(|_| !quiet) {
            bar.suspend(|| eprintln!("note: {note}"));
        }
        // `Ok(None)`: an article of another shard.
        let results: Vec<Result<Option<Document>, String>> = pool.install(|| {
            batch
                .into_par_iter()
                .map(|record| {
                    let source = ingest::parse(record.map_err(|e| e.to_string())?, &options).map_err(|e| e.to_string())?;
                    if input.shard.is_some_and(|shard| !shard.takes(&source)) {
                        return Ok(None);
                    }
                    let shown = source.path.clone();
                    // A bug in analysis must cost one article, not the batch.
                    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| Some(pipeline.run(source))))
                        .map_err(|_| format!("{shown}: internal error while analysing this article (please report it); skipped"))
                })
                .collect()
        });
        if duplicates == Duplicates::InBatch {
            seen.clear();
        }
        let mut good = Vec::new();
        for result in results {
            match result {
                Ok(None) => tally.other_shards += 1,
                Ok(Some(doc)) => {
                    let source = &doc.article.source;
                    if let Some(first) = seen.get(&source.id) {
                        if !quiet {
                            bar.suspend(|| eprintln!("{}: duplicate of {first} (same content), skipped", source.path));
                        }
                        tally.duplicates += 1;
                        continue;
                    }
                    seen.insert(source.id.clone(), source.path.clone());
                    tally.bytes += doc.article.text().len() as u64;
                    good.push(doc);
                }
                Err(e) => {
                    bar.suspend(|| eprintln!("error: {e}"));
                    tally.failed += 1;
                }
            }
            bar.inc(1);
        }
        sink(good, tally, &pool)?;
    }
}

pub(crate) fn ingest_all(store: &dyn GraphStore, pipeline: Pipeline, paths: &[PathBuf], input: &InputOptions, quiet: bool) -> Result<bool> {
    let started = Instant::now();
    let bar = progress(quiet, "ingesting", paths);
    let mut tally = Tally::default();
    for_each_batch(&pipeline, paths, input, &bar, quiet, &mut tally, Duplicates::InBatch, |docs, tally, _| {
        let (fresh, paths) = not_in_store(store, &pipeline, docs, &bar, quiet, tally)?;
        // Each article's statements are made when the store asks for them and the article is
        // dropped then, so that a batch's documents and statements are not all in memory at once.
        let mut graphs = fresh.into_iter().map(|(graph, doc)| {
            let quads = rdf::quads(&doc, pipeline.iris());
            tally.articles += 1;
            tally.entities_of(&doc);
            tally.claims += doc.claims.len();
            tally.quads += quads.len();
            (graph, quads)
        });
        let written = store.replace_graphs_from(&mut graphs);
        drop(graphs);
        match written {
            Err(StoreError::NotWritten(e)) => not_written(&e, &paths, &bar, tally),
            written => Ok(written?),
        }
    })?;
    bar.finish_and_clear();
    summary(quiet, "ingested", &tally, started);
    Ok(tally.failed == 0)
}

/// The path each article graph of a batch was read from, by graph IRI, to report failed writes.
type Paths = std::collections::HashMap<String, String>;

/// The batch's documents with their graph names, less those whose content the store already
/// holds from another path (reported and counted as duplicates), and the path of each graph.
fn not_in_store(
    store: &dyn GraphStore,
    pipeline: &Pipeline,
    docs: Vec<Document>,
    bar: &ProgressBar,
    quiet: bool,
    tally: &mut Tally,
) -> Result<(Vec<(NamedNode, Document)>, Paths)> {
    let mut fresh = Vec::with_capacity(docs.len());
    let mut paths = std::collections::HashMap::new();
    for doc in docs {
        let source = &doc.article.source;
        let graph = pipeline.iris().article(&source.id);
        if let Some(existing) = store.article_path(&graph)? {
            if existing != source.path {
                if !quiet {
                    bar.suspend(|| eprintln!("{}: duplicate of {existing} (same content, already in the store), skipped", source.path));
                }
                tally.duplicates += 1;
                continue;
            }
        }
        paths.insert(graph.as_str().to_string(), source.path.clone());
        fresh.push((graph, doc));
    }
    Ok((fresh, paths))
}

/// Reports each article a remote store did not write, by its path, and counts it as failed; a
/// server that refused some graphs may take the next batch, so the run goes on unless the
/// failure would fail every write (unreachable, or credentials refused).
pub(crate) fn not_written(
    e: &WriteError,
    paths: &std::collections::HashMap<String, String>,
    bar: &ProgressBar,
    tally: &mut Tally,
) -> Result<()> {
    let path = |graph: &NamedNode| paths.get(graph.as_str()).cloned().unwrap_or_else(|| graph.to_string());
    bar.suspend(|| {
        for (graph, why) in &e.failures {
            eprintln!("error: {}: not written to the store: {why}", path(graph));
        }
    });
    let lost = e.failures.len() + e.unsent.len();
    tally.failed += lost;
    tally.articles -= lost.min(tally.articles);
    if e.stopped {
        bail!("stopped: {} articles of this batch were not sent after that error", e.unsent.len());
    }
    Ok(())
}

pub(crate) fn extract_all(pipeline: Pipeline, paths: &[PathBuf], format: ExtractFormat, input: &InputOptions, quiet: bool) -> Result<bool> {
    let started = Instant::now();
    let bar = progress(quiet, "extracting", paths);
    let mut tally = Tally::default();
    let mut out = BufWriter::new(io::stdout().lock());
    for_each_batch(&pipeline, paths, input, &bar, quiet, &mut tally, Duplicates::InRun, |docs, tally, pool| {
        // Each article written out in parallel, then the bytes in input order.
        let written: Vec<(Vec<u8>, usize)> =
            pool.install(|| docs.par_iter().map(|doc| written(&pipeline, doc, format)).collect::<Result<_>>())?;
        for (doc, (bytes, quads)) in docs.iter().zip(written) {
            tally.articles += 1;
            tally.entities_of(doc);
            tally.claims += doc.claims.len();
            tally.quads += quads;
            out.write_all(&bytes)?;
        }
        Ok(())
    })?;
    out.flush()?;
    bar.finish_and_clear();
    summary(quiet, "extracted", &tally, started);
    Ok(tally.failed == 0)
}

/// One article as `format` writes it, and the number of its quads (0 for JSON Lines).
fn written(pipeline: &Pipeline, doc: &Document, format: ExtractFormat) -> Result<(Vec<u8>, usize)> {
    let mut out = Vec::new();
    match format {
        ExtractFormat::Jsonl => {
            serde_json::to_writer(&mut out, &pipeline.json(doc))?;
            out.push(b'\n');
            Ok((out, 0))
        }
        ExtractFormat::Nquads => {
            let quads = rdf::quads(doc, pipeline.iris());
            let mut writer = RdfSerializer::from_format(RdfFormat::NQuads).for_writer(&mut out);
            for q in &quads {
                writer.serialize_quad(q)?;
            }
            writer.finish()?;
            Ok((out, quads.len()))
        }
    }
}

pub(crate) fn summary(quiet: bool, verb: &str, t: &Tally, started: Instant) {
    if quiet {
        return;
    }
    let secs = started.elapsed().as_secs_f64();
    let mut line = format!(
        "{verb} {} articles: {} distinct entities ({} counting each article's own), {} claims",
        t.articles,
        t.distinct.len(),
        t.entities,
        t.claims
    );
    if t.quads > 0 {
        line.push_str(&format!(", {} triples", t.quads));
    }
    line.push_str(&format!(" in {secs:.2} s ({:.2} MB/s)", t.bytes as f64 / 1e6 / secs.max(1e-9)));
    if t.duplicates > 0 {
        line.push_str(&format!("; {} duplicates skipped", t.duplicates));
    }
    if t.other_shards > 0 {
        line.push_str(&format!("; {} left to other shards", t.other_shards));
    }
    if t.failed > 0 {
        line.push_str(&format!("; {} failed", t.failed));
    }
    eprintln!("{line}");
}

pub(crate) fn human_bytes(bytes: u64) -> String {
    let units = ["B", "KiB", "MiB", "GiB", "TiB"];
    let mut value = bytes as f64;
    let mut unit = 0;
    while value >= 1024.0 && unit + 1 < units.len() {
        value /= 1024.0;
        unit += 1;
    }
    if unit == 0 { format!("{bytes} B") } else { format!("{value:.1} {}", units[unit]) }
}
