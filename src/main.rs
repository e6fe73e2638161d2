#![allow(clippy::print_stdout, clippy::print_stderr)]
//! The `hearsay` command line: ingest, query, export, extract, stats.
//!
//! Everything here is about the outside world: arguments, the terminal, progress, files and exit
//! codes. The work itself is done by the library.

use anyhow::{Context, Result, bail};
use clap::{Parser, Subcommand, ValueEnum};
use hearsay::extract::Pipeline;
use hearsay::facts::{Facts, QuantityFact};
use hearsay::ingest;
use hearsay::rdf::{self, Iris};
use hearsay::resolve::Document;
use hearsay::serve::forward::RemoteStore;
use hearsay::store::{Endpoint, EndpointConfig, GraphStore, SparqlStore, Store, StoreError, WriteError};
use hearsay::{load, network, render, trace};

/// mimalloc in place of the system allocator: the pipeline makes many small, short-lived
/// allocations (tokens, features, spans), where glibc's malloc cost about a tenth of the CPU.
/// Cargo.toml's `override` makes it the process's `malloc` too, so that memory RocksDB allocates
/// and Oxigraph frees from Rust (its error strings) comes from the same allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
use indicatif::{ProgressBar, ProgressStyle};
use oxigraph::io::{JsonLdProfileSet, RdfFormat, RdfSerializer};
use oxigraph::model::{NamedNode, Term};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{QueryResults, QuerySolutionIter};
use rayon::prelude::*;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

mod cli;

use cli::args::*;
use cli::batch::*;

fn main() {
    let cli = Cli::parse();
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::try_from_env("HEARSAY_LOG").unwrap_or_else(|_| "warn".into()))
        .with_writer(io::stderr)
        .init();
    match run(cli) {
        Ok(true) => {}
        Ok(false) => std::process::exit(1),
        // A closed pipe (`hearsay export | head`) is the reader's choice, not an error.
        Err(e) if e.chain().any(|c| c.to_string().contains("Broken pipe")) => {}
        Err(e) => {
            eprintln!("error: {e:#}");
            std::process::exit(2);
        }
    }
}

/// Runs a command; `Ok(false)` means it finished but something in the batch failed.
fn run(cli: Cli) -> Result<bool> {
    match cli.command {
        Command::Ingest { paths, input, store, base } => ingest(&paths, &input, &store, &base, cli.quiet),
        Command::Serve { bind, timeout, max_results, max_body, cors, prefill, writable, store, base } => {
            let endpoint = store.endpoint()?;
            let limits = hearsay::serve::Config {
                bind,
                timeout: std::time::Duration::from_secs_f64(timeout.clamp(0.001, 1e9)),
                max_results,
                prefill,
                max_body,
                max_ingest_body: 1 << 30,
                cors,
                write_token: None,
                iris: base.iris()?,
                store_dir: if endpoint.is_some() { None } else { Some(store.dir()?) },
            };
            serve(limits, endpoint, timeout, writable, cli.quiet)
        }
        Command::Extract { paths, format, input, base } => extract_all(Pipeline::new(base.iris()?), &paths, format, &input, cli.quiet),
        Command::Query { query, file, format, store } => {
            let (text, origin) = match (query, file) {
                (Some(q), _) => (q, "the query".to_string()),
                (None, Some(f)) => {
                    (std::fs::read_to_string(&f).with_context(|| format!("cannot read {}", f.display()))?, f.display().to_string())
                }
                (None, None) => bail!("give a query or --file"),
            };
            let store = store.open_read_only()?;
            let results = store.query_with_prefixes(&text, hearsay::store::PREFIXES).with_context(|| format!("in {origin}"))?;
            print_results(results, format)?;
            Ok(true)
        }
        Command::Export { format, graph, output, store } => {
            let store = store.open_read_only()?;
            let graph = graph.map(|g| NamedNode::new(&g).with_context(|| format!("--graph {g:?} is not an IRI"))).transpose()?;
            let mut out: Box<dyn Write> = match &output {
                Some(path) => {
                    Box::new(BufWriter::new(std::fs::File::create(path).with_context(|| format!("cannot create {}", path.display()))?))
                }
                None => Box::new(BufWriter::new(io::stdout().lock())),
            };
            store.export(graph.as_ref(), format.format(), &mut out)?;
            out.flush()?;
            Ok(true)
        }
        Command::Network { network, format, output, store, base } => {
            write_network(&*store.open_read_only()?, &base.iris()?, network, format, output.as_deref())?;
            Ok(true)
        }
        Command::Trace { target, format, store, base } => trace_command(&target, format.resolved(), &store, &base),
        Command::Claims { about, numbers, format, json, store, base } => {
            let format = if json { ClaimsFormat::Json } else { format.unwrap_or(default_claims_format()) };
            let (store, iris) = (store.open_read_only()?, base.iris()?);
            let about = claims_about(&*store, &iris, &about)?;
            let mut out = BufWriter::new(io::stdout().lock());
            if numbers {
                let rows = trace::side_by_side(&about.facts, load::quantities(&*store, &iris, &about.claims)?);
                print_numbers(&about.facts, &rows, format, &mut out)?;
            } else {
                print_claims(&about.facts, &about.claims, format, &mut out)?;
            }
            out.flush()?;
            Ok(true)
        }
        Command::Diagram { what, format, output, max_nodes, store, base } => {
            let (store, iris) = (store.open_read_only()?, base.iris()?);
            let (facts, options) = diagram_facts(&*store, &iris, what, max_nodes)?;
            let dot = render::dot(&facts, &options);
            write_diagram(dot, format, output.as_deref())?;
            Ok(true)
        }
        Command::Evaluate { what, format } => evaluate(what, format.resolved() == TextFormat::Json),
        Command::Train { model, data, output, epochs, seed, l2 } => train(model, &data, &output, (epochs, seed, l2), cli.quiet),
        Command::Stats { format, store } => stats(format.resolved() == TextFormat::Json, &store),
    }
}

/// `hearsay ingest`: into the embedded store, a remote endpoint, or through the `hearsay serve`
/// that holds the store.
fn ingest(paths: &[PathBuf], input: &InputOptions, store: &StoreArg, base: &BaseArg, quiet: bool) -> Result<bool> {
    let pipeline = Pipeline::new(base.iris()?);
    if let Some(endpoint) = store.endpoint()? {
        if !quiet {
            eprintln!("note: writing each article's graph to {}", endpoint.graph_store());
        }
        return ingest_all(&endpoint, pipeline, paths, input, quiet);
    }
    let dir = store.dir()?;
    match Store::open(&dir) {
        Ok(store) => {
            let ok = ingest_all(&store, pipeline, paths, input, quiet)?;
            store.close()?;
            Ok(ok)
        }
        Err(StoreError::Locked { path }) => {
            let Some(remote) = RemoteStore::find(&dir) else { return Err(StoreError::Locked { path }.into()) };
            if !quiet {
                eprintln!("note: hearsay serve at {} holds the store; sending the articles through it", remote.address());
            }
            ingest_all(&remote, pipeline, paths, input, quiet)
        }
        Err(e) => Err(e.into()),
    }
}

/// `hearsay trace`: the chains through everything the store names `target`.
fn trace_command(target: &str, format: TextFormat, store: &StoreArg, base: &BaseArg) -> Result<bool> {
    let (store, iris) = (store.open_read_only()?, base.iris()?);
    let found = load::find(&*store, &iris, target)?;
    if found.is_empty() {
        bail!("nothing in the store is named {target:?} (try an IRI, or `hearsay query` to look names up)");
    }
    // The claims of the articles the target takes part in hold every chain through it.
    let mut facts = load::claims_around(&*store, &iris, &found)?;
    let mut out = io::stdout().lock();
    let mut any = false;
    for iri in found {
        let Some(traced) = trace::trace(&facts, &iri) else { continue };
        load::relabel(&*store, &iris, &mut facts, &traced.node_iris())?;
        let traced = trace::trace(&facts, &iri).expect("traced before relabelling");
        any = true;
        match format {
            TextFormat::Text => write!(out, "{traced}")?,
            TextFormat::Json => writeln!(out, "{}", serde_json::to_string(&traced)?)?,
        }
    }
    if !any {
        bail!("{target:?} is in the store but takes part in no claim");
    }
    Ok(true)
}

/// `hearsay evaluate`: one scorer on one corpus.
fn evaluate(what: EvaluateKind, json: bool) -> Result<bool> {
    // Scores do not depend on the IRIs the pipeline mints.
    let pipeline = Pipeline::new(Iris::new(rdf::DEFAULT_BASE)?);
    let read = |path: &std::path::Path| std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()));
    let mut out = io::stdout().lock();
    match what {
        EvaluateKind::Conll { file } => {
            let report = hearsay::evaluate::conll(&pipeline, &read(&file)?).with_context(|| file.display().to_string())?;
            print_report(&mut out, &report, json)?;
        }
        EvaluateKind::Nif { file } => {
            let report = hearsay::evaluate::nif(&pipeline, &read(&file)?).with_context(|| file.display().to_string())?;
            print_report(&mut out, &report, json)?;
        }
        EvaluateKind::Ud { file, models } => {
            let loaded = models.as_deref().map(syntax_models).transpose()?;
            let models = loaded.as_ref().unwrap_or_else(|| hearsay::syntax::Models::embedded());
            let report = hearsay::evaluate::ud::ud(models, &read(&file)?).with_context(|| file.display().to_string())?;
            print_report(&mut out, &report, json)?;
        }
        EvaluateKind::Polnear { dir } => {
            let articles = polnear_articles(&dir)?;
            let report = hearsay::evaluate::polnear(&pipeline, &articles).with_context(|| dir.display().to_string())?;
            print_report(&mut out, &report, json)?;
        }
    }
    Ok(true)
}

/// `hearsay stats`: the store's counts.
fn stats(json: bool, store: &StoreArg) -> Result<bool> {
    let store = store.open_read_only()?;
    let stats = store.stats()?;
    let mut out = io::stdout().lock();
    if json {
        writeln!(out, "{}", serde_json::to_string(&stats)?)?;
    } else {
        writeln!(out, "store          {}", store.location())?;
        writeln!(out, "articles       {}", stats.articles)?;
        writeln!(out, "people         {}", stats.people)?;
        writeln!(out, "organizations  {}", stats.organizations)?;
        writeln!(out, "places         {}", stats.places)?;
        writeln!(out, "claims         {}", stats.claims)?;
        writeln!(out, "citations      {}", stats.citations)?;
        writeln!(out, "quads          {}", stats.quads)?;
        if let Some(bytes) = stats.bytes_on_disk {
            writeln!(out, "size on disk   {}", human_bytes(bytes))?;
        }
    }
    Ok(true)
}

/// `hearsay train`: the chosen models, written to `output`.
fn train(
    model: TrainModel,
    data: &Path,
    output: &Path,
    (epochs, seed, l2): (Option<usize>, u64, Option<f64>),
    quiet: bool,
) -> Result<bool> {
    std::fs::create_dir_all(output).with_context(|| format!("cannot create {}", output.display()))?;
    let log = |line: &str| {
        if !quiet {
            eprintln!("{line}");
        }
    };
    if matches!(model, TrainModel::All | TrainModel::Tagger | TrainModel::Parser) {
        train_syntax(model, data, output, epochs, seed, log)?;
    }
    if matches!(model, TrainModel::All | TrainModel::Ner) {
        train_ner(data, output, epochs, l2, log)?;
    }
    if model == TrainModel::Coref {
        train_coref(data, output, epochs, l2, log)?;
    }
    Ok(true)
}

/// The claims about an entity and the facts they come from.
struct ClaimsAbout {
    facts: Facts,
    /// Claim IRIs in article and span order.
    claims: Vec<String>,
}

/// Claims whose sentence mentions the entity named `about`, and claims the entity made.
fn claims_about(store: &dyn SparqlStore, iris: &Iris, about: &str) -> Result<ClaimsAbout> {
    let entities = load::find(store, iris, about)?;
    if entities.is_empty() {
        bail!("nothing in the store is named {about:?}");
    }
    // Every claim about the entities lies in the articles they take part in.
    let mut facts = load::claims_around(store, iris, &entities)?;
    let mentions = load::mentions_by_article(store, iris, &entities)?;
    let claims = trace::claims_about(&facts, &entities, &mentions, |a| {
        Ok::<_, anyhow::Error>(load::article_text(store, iris, a)?.unwrap_or_default())
    })?;
    let named: Vec<String> = claims.iter().flat_map(|c| facts.claims[c].source.iter().chain(&facts.claims[c].via)).cloned().collect();
    load::relabel(store, iris, &mut facts, &named)?;
    Ok(ClaimsAbout { facts, claims })
}

/// `claims`' format when none is asked for: text on a terminal, plain in a pipe.
fn default_claims_format() -> ClaimsFormat {
    if io::stdout().is_terminal() { ClaimsFormat::Text } else { ClaimsFormat::Plain }
}

/// The label of the node `iri` names, if any.
fn label_of(facts: &Facts, iri: Option<&String>) -> Option<String> {
    iri.and_then(|i| facts.nodes.get(i)).map(|n| n.label.clone())
}

/// One line of tab-separated bare values (tabs and line breaks inside a value become spaces).
fn plain_row(out: &mut impl Write, cells: &[&str]) -> io::Result<()> {
    let cells: Vec<String> = cells.iter().map(|c| c.replace(['\t', '\n', '\r'], " ")).collect();
    writeln!(out, "{}", cells.join("\t"))
}

/// Claims as lines (`source [cue via] "text" (article @start-end)`), JSON Lines or plain TSV.
fn print_claims(facts: &Facts, claims: &[String], format: ClaimsFormat, out: &mut impl Write) -> Result<()> {
    if format == ClaimsFormat::Plain {
        plain_row(out, &["source", "cue", "via", "text", "article", "start", "end"])?;
    }
    for iri in claims {
        let c = &facts.claims[iri];
        let article = label_of(facts, Some(&c.article)).unwrap_or_else(|| c.article.clone());
        let (source, via) = (label_of(facts, c.source.as_ref()), label_of(facts, c.via.as_ref()));
        match format {
            ClaimsFormat::Json => {
                let (source, via) = (source.unwrap_or_else(|| "-".into()), via.unwrap_or_else(|| "-".into()));
                writeln!(out, "{}", serde_json::json!({"claim": c, "source": source, "via": via, "article": article}))?;
            }
            ClaimsFormat::Plain => {
                let (start, end) = (c.span[0].to_string(), c.span[1].to_string());
                let (source, via) = (source.unwrap_or_default(), via.unwrap_or_default());
                plain_row(out, &[&source, c.cue.as_deref().unwrap_or(""), &via, &c.text, &article, &start, &end])?;
            }
            ClaimsFormat::Text => {
                let via = via.map(|v| format!(" via {v}")).unwrap_or_default();
                let source = source.unwrap_or_else(|| "-".into());
                let cue = c.cue.as_deref().unwrap_or("-");
                writeln!(out, "{source} [{cue}{via}] \"{}\" ({article} @{}-{})", c.text, c.span[0], c.span[1])?;
            }
        }
    }
    Ok(())
}

/// The numbers claims state, as a table, JSON Lines or plain TSV.
fn print_numbers(facts: &Facts, rows: &[QuantityFact], format: ClaimsFormat, out: &mut impl Write) -> Result<()> {
    match format {
        ClaimsFormat::Text => {
            writeln!(out, "{:<28} {:>12} {:<12} {:<14} {:<24} article", "counts", "value", "qualifier", "unit", "source")?
        }
        ClaimsFormat::Plain => plain_row(out, &["counts", "value", "qualifier", "unit", "source", "article"])?,
        ClaimsFormat::Json => {}
    }
    let short = |s: &str, n: usize| s.chars().take(n).collect::<String>();
    for q in rows {
        let c = &facts.claims[&q.claim];
        let article = label_of(facts, Some(&c.article)).unwrap_or_else(|| c.article.clone());
        let source = label_of(facts, c.source.as_ref());
        let (counted, qualifier, unit) =
            (q.counted.as_deref().unwrap_or(""), q.qualifier.as_deref().unwrap_or(""), q.unit.as_deref().unwrap_or(""));
        match format {
            ClaimsFormat::Json => {
                let (source, via) = (source.unwrap_or_else(|| "-".into()), label_of(facts, c.via.as_ref()).unwrap_or_else(|| "-".into()));
                let row =
                    serde_json::json!({"quantity": q, "source": source, "via": via, "article": article, "text": c.text, "span": c.span});
                writeln!(out, "{row}")?;
            }
            ClaimsFormat::Plain => plain_row(out, &[counted, &q.value, qualifier, unit, &source.unwrap_or_default(), &article])?,
            ClaimsFormat::Text => writeln!(
                out,
                "{:<28} {:>12} {:<12} {:<14} {:<24} {}",
                short(if counted.is_empty() { "?" } else { counted }, 28),
                q.value,
                qualifier,
                short(unit, 14),
                short(&source.unwrap_or_else(|| "-".into()), 24),
                short(&article, 50)
            )?,
        }
    }
    Ok(())
}

/// Trains the tagger and the parser (the parser needs the tagger's file in `output`).
fn train_syntax(model: TrainModel, data: &Path, output: &Path, epochs: Option<usize>, seed: u64, log: impl Fn(&str)) -> Result<()> {
    use hearsay::syntax::{conllu, tagger::Tagger, train};
    let read = |path: PathBuf| -> Result<Vec<conllu::Sentence>> {
        let text = std::fs::read_to_string(&path).with_context(|| format!("cannot read {}", path.display()))?;
        conllu::parse(&text).with_context(|| path.display().to_string())
    };
    let ewt = data.join("ud-en-ewt");
    let mut corpus = train::Corpus {
        train: train::trees(&read(ewt.join("en_ewt-ud-train.conllu"))?),
        dev: train::trees(&read(ewt.join("en_ewt-ud-dev.conllu"))?),
    };
    let gum = data.join("gum-permissive");
    let splits =
        std::fs::read_to_string(gum.join("splits.md")).with_context(|| format!("cannot read {}", gum.join("splits.md").display()))?;
    let (gum_dev, gum_test) = train::gum_held_out(&splits);
    let mut files: Vec<PathBuf> = std::fs::read_dir(gum.join("dep"))
        .with_context(|| format!("cannot read {}", gum.join("dep").display()))?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    files.sort();
    for file in files.into_iter().filter(|f| f.extension().is_some_and(|e| e == "conllu")) {
        let doc = file.file_stem().map(|s| s.to_string_lossy().to_string()).unwrap_or_default();
        if gum_test.contains(&doc) {
            continue;
        }
        let trees = train::trees(&read(file)?);
        if gum_dev.contains(&doc) { corpus.dev.extend(trees) } else { corpus.train.extend(trees) }
    }
    log(&format!("{} training and {} held-out sentences", corpus.train.len(), corpus.dev.len()));
    let options = train::Options { epochs: epochs.unwrap_or(12), seed, folds: 4, prune: 1.0 };
    let tagger_path = output.join("tagger.hsm");
    let words_path = output.join("tagger-words.tsv");
    if matches!(model, TrainModel::All | TrainModel::Tagger) {
        let trained = train::train_tagger(&corpus, options, &mut |l| log(l));
        std::fs::write(&tagger_path, &trained.bytes).with_context(|| format!("cannot write {}", tagger_path.display()))?;
        let words = trained.classes.to_tsv(train::NOTES);
        std::fs::write(&words_path, &words).with_context(|| format!("cannot write {}", words_path.display()))?;
        log(&format!("wrote {} ({}) and {}", tagger_path.display(), human_bytes(trained.bytes.len() as u64), words_path.display()));
    }
    if matches!(model, TrainModel::All | TrainModel::Parser) {
        let bytes =
            std::fs::read(&tagger_path).with_context(|| format!("cannot read {} (train the tagger first)", tagger_path.display()))?;
        let words = std::fs::read_to_string(&words_path).with_context(|| format!("cannot read {}", words_path.display()))?;
        let tagger = Tagger::from_bytes(&bytes, &words).with_context(|| tagger_path.display().to_string())?;
        let tags = train::jackknife(&corpus.train, train::Options { epochs: 5, ..options }, &mut |l| log(l));
        let options = train::Options { epochs: epochs.unwrap_or(10), ..options };
        let trained = train::train_parser(&corpus, &tags, &tagger, options, &mut |l| log(l));
        let path = output.join("parser.hsm");
        std::fs::write(&path, &trained.bytes).with_context(|| format!("cannot write {}", path.display()))?;
        log(&format!("wrote {} ({})", path.display(), human_bytes(trained.bytes.len() as u64)));
    }
    Ok(())
}

/// An evaluation report as JSON or as its table.
fn print_report(out: &mut impl Write, report: &(impl serde::Serialize + std::fmt::Display), json: bool) -> Result<()> {
    if json {
        writeln!(out, "{}", serde_json::to_string(report)?)?;
    } else {
        writeln!(out, "{}", report.to_string().trim_end())?;
    }
    Ok(())
}

/// The tagger and parser read from `dir` (tagger.hsm, tagger-words.tsv, parser.hsm).
fn syntax_models(dir: &Path) -> Result<hearsay::syntax::Models> {
    let read = |name: &str| std::fs::read(dir.join(name)).with_context(|| format!("cannot read {}", dir.join(name).display()));
    let words = String::from_utf8(read("tagger-words.tsv")?).context("tagger-words.tsv is not UTF-8")?;
    hearsay::syntax::Models::from_bytes(&read("tagger.hsm")?, &words, &read("parser.hsm")?).with_context(|| dir.display().to_string())
}

/// Trains the entity recognizer from UNER EWT train, GUM, wikigold and re3d under `data`.
fn train_ner(data: &Path, output: &Path, iterations: Option<usize>, l2: Option<f64>, log: impl Fn(&str)) -> Result<()> {
    use hearsay::recognize::train::{self, Corpora, Settings};
    let read = |path: &Path| std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()));
    let listed = |dir: &Path| -> Result<Vec<PathBuf>> {
        let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
            .with_context(|| format!("cannot read {}", dir.display()))?
            .map(|e| e.map(|e| e.path()))
            .collect::<Result<_, _>>()?;
        paths.sort();
        Ok(paths)
    };
    let texts = |paths: Vec<PathBuf>, ext: &str| -> Result<Vec<(String, String)>> {
        let stem = |p: &Path| p.file_stem().map(|s| s.to_string_lossy().to_string()).unwrap_or_default();
        paths.iter().filter(|p| p.extension().is_some_and(|e| e == ext)).map(|p| Ok((stem(p), read(p)?))).collect()
    };
    let uner = read(&data.join("uner-en-ewt-train/en_ewt-ud-train.iob2"))?;
    let gum = texts(listed(&data.join("gum-permissive/dep"))?, "conllu")?;
    let splits = read(&data.join("gum-permissive/splits.md"))?;
    let wikigold = read(&data.join("wikigold/wikigold.conll.txt"))?;
    let mut re3d_paths = Vec::new();
    for source in listed(&data.join("re3d/conll"))? {
        re3d_paths.extend(listed(&source)?);
    }
    let re3d = texts(re3d_paths, "conll")?;
    fn pairs(v: &[(String, String)]) -> Vec<(&str, &str)> {
        v.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect()
    }
    let corpora = Corpora { uner: &uner, gum: pairs(&gum), gum_splits: &splits, wikigold: &wikigold, re3d: pairs(&re3d) };
    let defaults = Settings::default();
    let settings = Settings { l2: l2.unwrap_or(defaults.l2), iterations: iterations.unwrap_or(defaults.iterations), ..defaults };
    let trained = train::train(&corpora, &hearsay::lexicon::Lexicon::embedded(), &settings)?;
    for line in trained.report.lines() {
        log(line);
    }
    let path = output.join("ner.hsm");
    std::fs::write(&path, &trained.weights).with_context(|| format!("cannot write {}", path.display()))?;
    log(&format!("wrote {} ({})", path.display(), human_bytes(trained.weights.len() as u64)));
    Ok(())
}

/// Trains the coreference ranker from GUM documents prepared under `data`/train and `data`/dev.
fn train_coref(data: &Path, output: &Path, iterations: Option<usize>, l2: Option<f64>, log: impl Fn(&str)) -> Result<()> {
    use hearsay::coref::train::{self, Settings};
    let read_split = |split: &str| -> Result<Vec<train::GoldDocument>> {
        let dir = data.join(split);
        let gold = std::fs::read_to_string(dir.join("gold.json")).with_context(|| {
            format!("cannot read {}/gold.json (prepare GUM with scripts/train_coref.sh, which then trains)", dir.display())
        })?;
        train::read_gold(&gold, |id| std::fs::read_to_string(dir.join(format!("{id}.txt"))).ok())
            .map_err(|e| anyhow::anyhow!("{}: {e}", dir.display()))
    };
    let (train_docs, dev_docs) = (read_split("train")?, read_split("dev")?);
    let defaults = Settings::default();
    let settings = Settings { l2: l2.unwrap_or(defaults.l2), iterations: iterations.unwrap_or(defaults.iterations) };
    let lexicon = hearsay::lexicon::Lexicon::embedded();
    let (weights, _) = train::train(&train_docs, &dev_docs, &lexicon, settings, &mut |line| log(line));
    let path = output.join("coref.hsm");
    std::fs::write(&path, &weights).with_context(|| format!("cannot write {}", path.display()))?;
    log(&format!("wrote {} ({})", path.display(), human_bytes(weights.len() as u64)));
    Ok(())
}

/// Reads a PolNeAR directory: each text/NAME.txt with the contents of attributions/NAME_*.ann,
/// sorted by file name.
fn polnear_articles(dir: &std::path::Path) -> Result<Vec<hearsay::evaluate::PolnearArticle>> {
    let list = |sub: &str| -> Result<Vec<PathBuf>> {
        let path = dir.join(sub);
        let mut files: Vec<PathBuf> = std::fs::read_dir(&path)
            .with_context(|| format!("cannot read {} (a PolNeAR directory has text/ and attributions/)", path.display()))?
            .map(|e| e.map(|e| e.path()))
            .collect::<io::Result<_>>()?;
        files.sort();
        Ok(files)
    };
    let anns = list("attributions")?;
    let mut articles = Vec::new();
    for text_path in list("text")? {
        if text_path.extension().and_then(|e| e.to_str()) != Some("txt") {
            continue;
        }
        let name = text_path.file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_string();
        // Read as `hearsay extract` reads it (byte order mark dropped), so offsets agree.
        let text = match ingest::read(&text_path, ingest::DEFAULT_MAX_BYTES) {
            Ok(source) => source.text,
            Err(_) => String::new(),
        };
        let mut own = Vec::new();
        for ann in &anns {
            let file = ann.file_name().and_then(|f| f.to_str()).unwrap_or_default();
            if file.ends_with(".ann") && file.rsplit_once('_').is_some_and(|(article, _)| article == name) {
                own.push(std::fs::read_to_string(ann).with_context(|| format!("cannot read {}", ann.display()))?);
            }
        }
        articles.push((name, text, own));
    }
    Ok(articles)
}

/// Loads the facts a diagram draws, and how to draw them.
fn diagram_facts(
    store: &dyn SparqlStore,
    iris: &Iris,
    what: DiagramKind,
    max_nodes: Option<usize>,
) -> Result<(Facts, render::DiagramOptions)> {
    let named = |target: &str| -> Result<Vec<String>> {
        let found = load::find(store, iris, target)?;
        if found.is_empty() {
            bail!("nothing in the store is named {target:?}");
        }
        Ok(found)
    };
    // A network of many small components stacks them in one tall column; 30 nodes fit a screen.
    let default_max = if matches!(what, DiagramKind::Network) { 30 } else { 60 };
    let mut options = render::DiagramOptions { max_nodes: max_nodes.unwrap_or(default_max), ..Default::default() };
    let facts = match what {
        DiagramKind::Entity { target, depth } => {
            let focus = named(&target)?;
            options.title = Some(format!("{target}: neighbourhood, depth {depth}"));
            options.focus = focus.clone();
            let mut facts = load::neighbourhood(store, iris, &focus, depth)?;
            let drawn = render::drawn(&facts, &options);
            load::add_cues(store, iris, &mut facts, &drawn)?;
            facts
        }
        DiagramKind::Citations { target } => {
            let focus = named(&target)?;
            // The claims of the articles the focus takes part in hold every chain through it.
            let all = load::claims_around(store, iris, &focus)?;
            options.title = Some(format!("{target}: who cited whom"));
            options.focus = focus.clone();
            let mut facts = trace::citation_chains(&all, &focus);
            let nodes: Vec<String> = facts.nodes.keys().cloned().collect();
            load::relabel(store, iris, &mut facts, &nodes)?;
            facts
        }
        DiagramKind::Article { target } => {
            let article = named(&target)?.into_iter().next().expect("found one");
            let facts = load::article(store, iris, &article)?;
            options.title = facts.nodes.get(&article).map(|n| n.label.clone());
            options.focus = vec![article];
            facts
        }
        DiagramKind::Network => {
            let facts = network::CitationTally::of(|each| load::claims_by_article(store, iris, each))?.facts();
            options.title = Some("citation network".into());
            options.cluster_by_outlet = true;
            facts
        }
        DiagramKind::Query { query, file } => {
            let text = match (query, file) {
                (Some(q), _) => q,
                (None, Some(f)) => std::fs::read_to_string(&f).with_context(|| format!("cannot read {}", f.display()))?,
                (None, None) => bail!("give a query or --file"),
            };
            let QueryResults::Graph(triples) = store.query_with_prefixes(&text, hearsay::store::PREFIXES)? else {
                bail!("a diagram needs a CONSTRUCT or DESCRIBE query");
            };
            let triples: Vec<_> = triples.collect::<Result<_, _>>()?;
            Facts::from_triples(&triples, iris.own(hearsay::vocab::hs::CITES).as_str())
        }
    };
    Ok((facts, options))
}

/// Writes DOT as is, or runs Graphviz's `dot` for the other formats.
fn write_diagram(dot: String, format: DiagramFormat, output: Option<&std::path::Path>) -> Result<()> {
    let bytes = match format {
        DiagramFormat::Dot => dot.into_bytes(),
        other => {
            use graphviz_rust::cmd::{CommandArg, Format};
            let f = match other {
                DiagramFormat::Svg => Format::Svg,
                DiagramFormat::Png => Format::Png,
                _ => Format::Pdf,
            };
            graphviz_rust::exec_dot(dot, vec![CommandArg::Format(f)]).map_err(|e| match e.kind() {
                io::ErrorKind::NotFound => {
                    anyhow::anyhow!(
                        "Graphviz's `dot` is not installed: install the graphviz package (apt-get install graphviz), or use --format dot"
                    )
                }
                _ => anyhow::anyhow!("Graphviz's dot failed: {e}"),
            })?
        }
    };
    match output {
        Some(path) => std::fs::write(path, bytes).with_context(|| format!("cannot write {}", path.display()))?,
        None => io::stdout().lock().write_all(&bytes)?,
    }
    Ok(())
}

/// Builds the network asked for and writes it.
fn write_network(store: &dyn SparqlStore, iris: &Iris, kind: NetworkKind, format: NetworkFormat, output: Option<&Path>) -> Result<()> {
    let built = match kind {
        NetworkKind::Citations => network::CitationTally::of(|each| load::claims_by_article(store, iris, each))?.network(),
        NetworkKind::CoMentions => {
            let mut tally = network::CoMentionTally::default();
            load::each_mention(store, iris, &mut |article, entity, class, label| tally.add(article, entity, class, label))?;
            tally.network()
        }
    };
    let write = |path: &Path, bytes: &[u8]| std::fs::write(path, bytes).with_context(|| format!("cannot write {}", path.display()));
    match (format, output) {
        (NetworkFormat::Csv, None) => {
            bail!("--format csv writes two files (nodes.csv and edges.csv): name their directory with --output DIR")
        }
        (NetworkFormat::Csv, Some(dir)) => {
            std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
            write(&dir.join("nodes.csv"), network::csv_nodes(&built).as_bytes())?;
            write(&dir.join("edges.csv"), network::csv_edges(&built).as_bytes())?;
        }
        (NetworkFormat::Graphml | NetworkFormat::Gexf, output) => {
            let bytes = if format == NetworkFormat::Gexf { network::gexf(&built) } else { network::graphml(&built) };
            match output {
                Some(path) => write(path, &bytes)?,
                None => io::stdout().lock().write_all(&bytes)?,
            }
        }
    }
    Ok(())
}

/// Runs `hearsay serve` until the process is stopped.
fn serve(mut config: hearsay::serve::Config, endpoint: Option<Endpoint>, timeout: f64, writable: bool, quiet: bool) -> Result<bool> {
    if !(timeout > 0.0 && timeout.is_finite()) {
        bail!("--timeout must be a positive number of seconds");
    }
    if let Some(endpoint) = endpoint {
        if writable {
            bail!("--writable serves writes to the embedded store; {} takes its writes itself", endpoint.location());
        }
        let location = endpoint.location();
        return run_server(hearsay::serve::start(hearsay::serve::Served::Remote(endpoint), config)?, &location, quiet);
    }
    config.write_token = if writable {
        let token = std::env::var("HEARSAY_WRITE_TOKEN").unwrap_or_default();
        if token.trim().len() < 16 {
            bail!(
                "--writable needs a token of at least 16 characters in the environment variable HEARSAY_WRITE_TOKEN (never on the command line)"
            );
        }
        Some(token.trim().to_string())
    } else {
        None
    };
    let dir = config.store_dir.clone().context("no store")?;
    // The server holds the store for writing, so that `hearsay ingest` can go through it.
    let store = Store::open(&dir).with_context(|| format!("cannot serve {}", dir.display()))?;
    let running = hearsay::serve::start(hearsay::serve::Served::Embedded(store), config)?;
    run_server(running, &dir.display().to_string(), quiet)
}

/// Says where a started server listens and waits until it stops.
fn run_server(running: hearsay::serve::Running, location: &str, quiet: bool) -> Result<bool> {
    if !quiet {
        eprintln!(
            "serving {location} at http://{}/ (SPARQL endpoint: http://{}/sparql); stop with Ctrl-C",
            running.address(),
            running.address()
        );
    }
    // The address on standard output, for scripts that start the server on port 0.
    println!("http://{}/", running.address());
    io::stdout().flush()?;
    running.join()?;
    Ok(true)
}

fn print_results(results: QueryResults<'_>, format: Option<QueryFormat>) -> Result<()> {
    let mut out = BufWriter::new(io::stdout().lock());
    let terminal = io::stdout().is_terminal();
    match results {
        QueryResults::Graph(triples) => {
            let format = match format.unwrap_or(QueryFormat::Turtle) {
                QueryFormat::Turtle | QueryFormat::Table | QueryFormat::Plain => RdfFormat::Turtle,
                QueryFormat::Ntriples => RdfFormat::NTriples,
                QueryFormat::Nquads => RdfFormat::NQuads,
                QueryFormat::Trig => RdfFormat::TriG,
                QueryFormat::Jsonld => RdfFormat::JsonLd { profile: JsonLdProfileSet::empty() },
                QueryFormat::Rdfxml => RdfFormat::RdfXml,
                QueryFormat::N3 => RdfFormat::N3,
                other => bail!(
                    "--format {other:?} is for SELECT and ASK answers; a graph prints as turtle, ntriples, nquads, trig, jsonld, rdfxml or n3"
                ),
            };
            let triples: Vec<_> = triples.collect::<Result<_, _>>()?;
            let quads = triples.into_iter().map(|t| t.in_graph(oxigraph::model::GraphName::DefaultGraph)).collect();
            hearsay::store::write_sorted(quads, format, true, &mut out)?;
        }
        results => {
            let format = format.unwrap_or(if terminal { QueryFormat::Table } else { QueryFormat::Plain });
            let results_format = match format {
                QueryFormat::Table => return print_table(results, &mut out),
                QueryFormat::Plain => return print_plain(results, &mut out),
                QueryFormat::Json => QueryResultsFormat::Json,
                QueryFormat::Csv => QueryResultsFormat::Csv,
                QueryFormat::Tsv => QueryResultsFormat::Tsv,
                QueryFormat::Xml => QueryResultsFormat::Xml,
                other => bail!("--format {other:?} is for CONSTRUCT and DESCRIBE answers; use table, json, csv, tsv or xml"),
            };
            let serializer = QueryResultsSerializer::from_format(results_format);
            match results {
                QueryResults::Solutions(solutions) => {
                    let mut writer = serializer.serialize_solutions_to_writer(&mut out, solutions.variables().to_vec())?;
                    for solution in solutions {
                        writer.serialize(&solution?)?;
                    }
                    writer.finish()?;
                }
                QueryResults::Boolean(b) => {
                    serializer.serialize_boolean_to_writer(&mut out, b)?;
                }
                QueryResults::Graph(_) => unreachable!("handled above"),
            }
        }
    }
    out.flush()?;
    Ok(())
}

/// The variables and solutions of a SELECT answer; an ASK answer is written as true or false.
fn solutions_or_answer<'a>(results: QueryResults<'a>, out: &mut impl Write) -> Result<Option<(Vec<String>, QuerySolutionIter<'a>)>> {
    match results {
        QueryResults::Boolean(b) => {
            writeln!(out, "{b}")?;
            Ok(None)
        }
        QueryResults::Solutions(s) => Ok(Some((s.variables().iter().map(|v| v.as_str().to_string()).collect(), s))),
        QueryResults::Graph(_) => unreachable!("graphs are not tables"),
    }
}

/// A plain text table for people: prefixed IRIs, literal values without quotes.
fn print_table(results: QueryResults<'_>, out: &mut impl Write) -> Result<()> {
    let Some((variables, solutions)) = solutions_or_answer(results, out)? else { return Ok(()) };
    let mut rows: Vec<Vec<String>> = Vec::new();
    for solution in solutions {
        let solution = solution?;
        rows.push(variables.iter().map(|v| solution.get(v.as_str()).map(display_term).unwrap_or_default()).collect());
    }
    let widths: Vec<usize> = (0..variables.len())
        .map(|i| rows.iter().map(|r| r[i].chars().count()).chain([variables[i].len()]).max().unwrap_or(0).min(60))
        .collect();
    let line = |cells: &[String], out: &mut dyn Write| -> io::Result<()> {
        let parts: Vec<String> = cells
            .iter()
            .zip(&widths)
            .map(|(c, &w)| {
                let shown: String =
                    if c.chars().count() > w { c.chars().take(w.saturating_sub(1)).chain(['…']).collect() } else { c.clone() };
                format!("{shown:<w$}")
            })
            .collect();
        writeln!(out, "{}", parts.join("  ").trim_end())
    };
    line(&variables, out)?;
    writeln!(out, "{}", widths.iter().map(|&w| "-".repeat(w)).collect::<Vec<_>>().join("  "))?;
    for row in &rows {
        line(row, out)?;
    }
    writeln!(out, "({} rows)", rows.len())?;
    Ok(())
}

/// Solutions as tab-separated bare values (IRIs whole, literals by their text, tabs and line
/// breaks as spaces) under a header of variable names; ASK as true or false.
fn print_plain(results: QueryResults<'_>, out: &mut impl Write) -> Result<()> {
    let Some((variables, solutions)) = solutions_or_answer(results, out)? else { return Ok(()) };
    writeln!(out, "{}", variables.join("\t"))?;
    let bare = |t: &Term| -> String {
        let s = match t {
            Term::NamedNode(n) => n.as_str().to_string(),
            Term::Literal(l) => l.value().to_string(),
            other => other.to_string(),
        };
        s.replace(['\t', '\n', '\r'], " ")
    };
    for solution in solutions {
        let solution = solution?;
        let cells: Vec<String> = variables.iter().map(|v| solution.get(v.as_str()).map(bare).unwrap_or_default()).collect();
        writeln!(out, "{}", cells.join("\t"))?;
    }
    Ok(())
}

fn display_term(term: &Term) -> String {
    match term {
        Term::NamedNode(n) => {
            for (prefix, ns) in hearsay::store::PREFIXES {
                if let Some(local) = n.as_str().strip_prefix(ns) {
                    return format!("{prefix}:{local}");
                }
            }
            n.as_str().to_string()
        }
        Term::Literal(l) => l.value().replace('\n', " "),
        other => other.to_string(),
    }
}
