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
use hearsay::{load, render, trace};
use indicatif::{ProgressBar, ProgressStyle};
use oxigraph::io::{JsonLdProfileSet, RdfFormat, RdfSerializer};
use oxigraph::model::{NamedNode, Term};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{QueryResults, QuerySolutionIter};
use rayon::prelude::*;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Builds a knowledge graph of who said what in news articles.
///
/// hearsay reads news articles, finds the people, organizations and places in them and the
/// claims they report (who said what, quoting whom, through whom), and keeps it all as RDF in an
/// embedded Oxigraph store that you query with SPARQL.
///
/// Start with `hearsay ingest examples/articles`, then
/// `hearsay query -f examples/queries/who-cited-whom.rq`, or `hearsay serve` and open
/// http://127.0.0.1:7878/ to browse. Articles come as text files, HTML pages or a crawler's JSON
/// Lines (see `hearsay ingest --help`); `hearsay network` takes the citation and co-mention
/// networks to Gephi, Cytoscape or networkx.
#[derive(Parser, Debug)]
#[command(name = "hearsay", version, max_term_width = 100)]
struct Cli {
    /// Print no progress or summary on standard error
    #[arg(long, short, global = true)]
    quiet: bool,
    #[command(subcommand)]
    command: Command,
}

/// `--store`, for the commands that read or write a store.
#[derive(clap::Args, Debug, Clone)]
struct StoreArg {
    /// Store directory, or the query URL of a SPARQL endpoint that holds the store (credentials
    /// from HEARSAY_STORE_USER and HEARSAY_STORE_PASSWORD, or HEARSAY_STORE_TOKEN) [default:
    /// $XDG_DATA_HOME/hearsay/store, or ~/.local/share/hearsay/store]
    // Global so that `diagram --store DIR network` and `diagram network --store DIR` both work.
    #[arg(long, global = true, env = "HEARSAY_STORE", value_name = "DIR|URL")]
    store: Option<PathBuf>,
    /// With a --store URL: the SPARQL Graph Store endpoint that ingest writes to [default: /store
    /// beside a /query URL (Oxigraph), /sparql-graph-crud beside a /sparql URL (Virtuoso;
    /// /sparql-graph-crud-auth with a user)]
    #[arg(long, global = true, env = "HEARSAY_GRAPH_STORE", value_name = "URL")]
    graph_store: Option<String>,
}

impl StoreArg {
    /// The store directory: `--store`, else the default location.
    fn dir(&self) -> Result<PathBuf> {
        if let Some(dir) = &self.store {
            return Ok(dir.clone());
        }
        let data = std::env::var_os("XDG_DATA_HOME")
            .map(PathBuf::from)
            .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/share")))
            .context("cannot find a default store location: set HEARSAY_STORE or pass --store")?;
        Ok(data.join("hearsay/store"))
    }

    /// The SPARQL endpoint `--store` names, if it is a URL rather than a folder.
    fn endpoint(&self) -> Result<Option<Endpoint>> {
        let url = self.store.as_deref().and_then(|p| p.to_str()).filter(|s| s.starts_with("http://") || s.starts_with("https://"));
        match url {
            Some(url) => Ok(Some(Endpoint::new(EndpointConfig::new(url, self.graph_store.as_deref())?)?)),
            None if self.graph_store.is_some() => bail!("--graph-store goes with a --store URL (a SPARQL endpoint)"),
            None => Ok(None),
        }
    }

    /// Opens the store for reading: the SPARQL endpoint, or the folder.
    fn open_read_only(&self) -> Result<Box<dyn SparqlStore>> {
        if let Some(endpoint) = self.endpoint()? {
            return Ok(Box::new(endpoint));
        }
        Ok(Box::new(Store::open_read_only(&self.dir()?)?))
    }
}

/// `--base`, for the commands that mint IRIs or read them back.
#[derive(clap::Args, Debug, Clone)]
struct BaseArg {
    /// Base IRI for the resources hearsay mints (articles, entities, claims)
    #[arg(long, global = true, env = "HEARSAY_BASE", value_name = "IRI", default_value = rdf::DEFAULT_BASE)]
    base: String,
}

impl BaseArg {
    /// The IRI minter for this base.
    fn iris(&self) -> Result<Iris> {
        Ok(Iris::new(&self.base)?)
    }
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Read articles into the store, one named graph per article
    ///
    /// PATHs are files, directories or - (standard input). Three kinds of input, each also
    /// gzip-compressed (.gz):
    ///
    /// .txt: plain text, one article per file; headline, byline, date and publisher are read from
    /// the text.
    ///
    /// .html, .htm: a news page; the article body is found by a readability extractor, headline,
    /// authors, publisher, date and URL come from the page's schema.org JSON-LD, Open Graph and
    /// meta tags, and reader comments are kept apart from the story.
    ///
    /// .jsonl, .ndjson: one article per line, as crawlers such as news-please write them
    /// (maintext or text, title, authors, date_publish, url, source_domain; --map names other
    /// fields).
    ///
    /// Directories are searched recursively for those extensions (any case), skipping README
    /// and LICENSE files with a note. Standard input and files without a known extension are
    /// read as --input-format says, by default as their first bytes suggest. Everything is read
    /// as a stream in batches: a JSON Lines file of any size is read one line at a time.
    ///
    /// Ingesting an article again replaces its graph as a whole; two inputs with the same text
    /// are one article (the second is reported as a duplicate). Bad files and bad JSON lines are
    /// reported with their path and line (file.jsonl:12:5: ...) and skipped, the rest is
    /// ingested, and the exit code is 1 if anything failed.
    ///
    /// Examples: `hearsay ingest examples/articles examples/pages examples/crawl.jsonl`,
    /// `zcat dump.jsonl.gz | hearsay ingest -`,
    /// `hearsay ingest --map text=body,title=headline feed.jsonl`
    Ingest {
        /// Files, directories, or - for standard input
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        #[command(flatten)]
        input: InputOptions,
        #[command(flatten)]
        store: StoreArg,
        #[command(flatten)]
        base: BaseArg,
    },
    /// Ask the store a SPARQL question
    ///
    /// The default graph is the union of all articles. SELECT and ASK answers print as a table
    /// on a terminal and as TSV otherwise; CONSTRUCT and DESCRIBE answers print as Turtle.
    ///
    /// Example: hearsay query 'SELECT ?name WHERE { ?p a schema:Person ; skos:prefLabel ?name }'
    /// (the prefixes schema, prov, org, skos, nif, itsrdf, dcterms, geo, hs and xsd are predeclared)
    Query {
        /// The query text (or use --file)
        #[arg(required_unless_present = "file")]
        query: Option<String>,
        /// Read the query from a file
        #[arg(long, short, value_name = "FILE", conflicts_with = "query")]
        file: Option<PathBuf>,
        /// Output format [default: table on a terminal, else plain (tab-separated bare values);
        /// turtle for graphs]. tsv, csv, json and xml are the SPARQL results formats
        #[arg(long, value_enum)]
        format: Option<QueryFormat>,
        #[command(flatten)]
        store: StoreArg,
    },
    /// Write the graph (all articles, or one with --graph) as RDF
    ///
    /// Dataset formats (nquads, trig) keep one named graph per article; triple formats get the
    /// union of all graphs. Statements are sorted, so the same store gives the same bytes.
    Export {
        /// RDF format
        #[arg(long, value_enum, default_value = "nquads")]
        format: RdfFormatArg,
        /// Only this named graph (an article IRI)
        #[arg(long, value_name = "IRI")]
        graph: Option<String>,
        /// Write to a file instead of standard output
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
        #[command(flatten)]
        store: StoreArg,
    },
    /// Write a network for network analysis tools: GraphML, GEXF, or CSV node and edge lists
    ///
    /// `export` writes the graph's RDF statements; `network` writes a network distilled from
    /// them, for Gephi, Cytoscape, networkx or igraph.
    ///
    /// citations: directed, from each reporter (an article, or an intermediary such as a news
    /// agency) to each source it cites; weight = claims, articles = articles the citation occurs
    /// in.
    ///
    /// co-mentions: undirected, between two entities that articles mention together; weight =
    /// articles.
    ///
    /// Nodes carry label, kind (person, organization, place, article), articles (how many
    /// articles they take part in) and, for articles, publisher; ids are the graph's IRIs. Sorted, so the same store gives
    /// the same bytes. csv writes two files, DIR/nodes.csv and DIR/edges.csv, with Gephi's
    /// column names (Id, Label; Source, Target, Type, Weight).
    ///
    /// Examples: `hearsay network citations --format gexf -o citations.gexf`,
    /// `hearsay network co-mentions --format csv -o co-mentions/`
    Network {
        /// Which network
        #[arg(value_enum)]
        network: NetworkKind,
        /// File format
        #[arg(long, value_enum, default_value = "graphml")]
        format: NetworkFormat,
        /// Write to this file (graphml, gexf) or directory (csv) instead of standard output
        #[arg(long, short, value_name = "PATH")]
        output: Option<PathBuf>,
        #[command(flatten)]
        store: StoreArg,
        #[command(flatten)]
        base: BaseArg,
    },
    /// Run the pipeline on articles and print what it finds, without a store
    ///
    /// Reads the same inputs as `ingest` (text, HTML pages, JSON Lines, gzip, standard input).
    /// jsonl prints one JSON object per article in input order (the extraction contract:
    /// document, entities, claims, relations, diagnostics; offsets in Unicode code points);
    /// nquads prints each article's graph.
    Extract {
        /// Files, directories, or - for standard input
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Output format
        #[arg(long, value_enum, default_value = "jsonl")]
        format: ExtractFormat,
        #[command(flatten)]
        input: InputOptions,
        // The IRIs in the output are minted under the base; there is no store.
        #[command(flatten)]
        base: BaseArg,
    },
    /// Show how claims reached the articles: chains, who cites whom, original sources
    ///
    /// TARGET is an entity's name (as in its label, any case), an entity or claim IRI. For an
    /// entity: who cites it, whom it cites, and every chain article -> intermediaries -> source ->
    /// claim that passes through it. For a claim: its chain, the claims nested in it and its
    /// original sources. Every hop shows its cue and the character span it came from.
    Trace {
        /// Entity name or IRI, or claim IRI
        target: String,
        /// Output format
        #[arg(long, value_enum, default_value = "text")]
        format: TextFormat,
        /// Same as --format json
        #[arg(long, hide = true)]
        json: bool,
        #[command(flatten)]
        store: StoreArg,
        #[command(flatten)]
        base: BaseArg,
    },
    /// List the claims about an entity, or the numbers they state side by side
    ///
    /// Claims whose content mentions the entity, and claims the entity made, with source, cue,
    /// article and character span. With --numbers: every number stated in those claims, grouped
    /// by what it counts, so that different figures for the same thing from different sources
    /// stand next to each other. On a terminal the claims print as lines and the numbers as a
    /// table; in a pipe both print as tab-separated bare values under a header (--format plain).
    Claims {
        /// Entity name or IRI
        #[arg(long, value_name = "ENTITY")]
        about: String,
        /// Show the numbers the claims state, side by side with their sources
        #[arg(long)]
        numbers: bool,
        /// Output format [default: text on a terminal, else plain (tab-separated bare values)];
        /// json: JSON Lines
        #[arg(long, value_enum)]
        format: Option<ClaimsFormat>,
        /// Same as --format json
        #[arg(long, hide = true)]
        json: bool,
        #[command(flatten)]
        store: StoreArg,
        #[command(flatten)]
        base: BaseArg,
    },
    /// Draw a diagram (DOT, or SVG/PNG/PDF with Graphviz's dot installed)
    ///
    /// Nodes are shaped and coloured by kind (person, organization, place, claim, article), with a
    /// legend; labels are short and the full names are in tooltips.
    Diagram {
        #[command(subcommand)]
        what: DiagramKind,
        /// Output format: dot is written directly; svg, png and pdf run Graphviz's `dot`
        #[arg(long, value_enum, default_value = "dot", global = true)]
        format: DiagramFormat,
        /// Write to a file instead of standard output
        #[arg(long, short, value_name = "FILE", global = true)]
        output: Option<PathBuf>,
        /// Draw at most this many nodes, the nearest and most connected first (0: no limit)
        /// [default: 30 for network, else 60]
        #[arg(long, value_name = "N", global = true)]
        max_nodes: Option<usize>,
        #[command(flatten)]
        store: StoreArg,
        #[command(flatten)]
        base: BaseArg,
    },
    /// Score extraction against annotated corpora (no store needed)
    ///
    /// conll: PER/ORG/LOC mentions with exact spans (MISC ignored) in a CoNLL-2003 file (or a
    /// Universal NER IOB2 file). nif: mention detection in a NIF 2.0 Turtle corpus, exact and
    /// overlapping spans. polnear: cue, source and content of attributions in a PolNeAR directory
    /// (with text/ and attributions/). The figures agree with ../shared/eval's Python scorers.
    Evaluate {
        #[command(subcommand)]
        what: EvaluateKind,
        /// Output format
        #[arg(long, value_enum, default_value = "text", global = true)]
        format: TextFormat,
        /// Same as --format json
        #[arg(long, global = true, hide = true)]
        json: bool,
    },
    /// Train the learned models from freely licensed corpora (not the evaluation sets)
    ///
    /// tagger and parser learn from UD English-EWT train and GUM's train documents (selected on
    /// their dev parts); ner from UNER EWT train, GUM's named entities, wikigold and re3d; coref
    /// from GUM's coreference (train documents, selected on dev), prepared by
    /// scripts/train_coref.sh. The
    /// same data and seed give byte-identical weights. Rebuild hearsay afterwards: the weights
    /// in data/models are compiled into the binary. See data/models/README.md.
    Train {
        /// Which model (all: tagger, then parser, then ner; coref on its own)
        #[arg(value_enum)]
        model: TrainModel,
        /// The folder of training corpora (the layout of ../shared/data/train)
        #[arg(long, default_value = "../shared/data/train", value_name = "DIR")]
        data: PathBuf,
        /// Where to write the weights
        #[arg(long, short, default_value = "data/models", value_name = "DIR")]
        output: PathBuf,
        /// Passes over the training data (the best held-out pass is kept)
        #[arg(long, value_name = "N")]
        epochs: Option<usize>,
        /// Seed for shuffling
        #[arg(long, default_value_t = 1, value_name = "N")]
        seed: u64,
    },
    /// Serve the store over HTTP: a SPARQL endpoint and pages to browse who said what
    ///
    /// Open http://127.0.0.1:7878/ to search people, organizations and places, read an entity's
    /// claims, mentions and citations, see who cited whom as a diagram, and read an article with
    /// its entities and claims highlighted. Tools that speak SPARQL 1.1 (YASGUI, rdflib,
    /// SPARQLWrapper, Jena) query http://127.0.0.1:7878/sparql: GET or POST, results as JSON,
    /// XML, CSV or TSV and graphs as Turtle, N-Triples, N-Quads, RDF/XML or JSON-LD by the Accept
    /// header. The default graph is the union of all articles and the prefixes of `hearsay
    /// query` are predeclared. One article's graph: GET /store?graph=<article IRI>.
    ///
    /// The server is read-only unless started with --writable, which needs a token in
    /// HEARSAY_WRITE_TOKEN that updates must send as `Authorization: Bearer <token>`. While it
    /// runs, `hearsay ingest --store DIR` sends its articles through it (the server leaves its
    /// address and a private token in DIR/hearsay-serve.json). Stop it with Ctrl-C.
    ///
    /// Example: hearsay serve --store DIR, then
    /// curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT ?name WHERE { ?p a schema:Person ; skos:prefLabel ?name }' http://127.0.0.1:7878/sparql
    Serve {
        /// Address to listen on; only this machine can connect to 127.0.0.1 (port 0: any free
        /// port, printed at start)
        #[arg(long, default_value = "127.0.0.1:7878", value_name = "ADDRESS")]
        bind: std::net::SocketAddr,
        /// Stop a query after this many seconds (503)
        #[arg(long, default_value_t = 30.0, value_name = "SECONDS")]
        timeout: f64,
        /// Refuse answers with more solutions or triples than this (422)
        #[arg(long, default_value_t = 100_000, value_name = "N")]
        max_results: u64,
        /// Refuse request bodies larger than this many bytes (413)
        #[arg(long, default_value_t = 1 << 20, value_name = "BYTES")]
        max_body: u64,
        /// Allow cross-origin requests from any web page (Access-Control-Allow-Origin: *)
        #[arg(long)]
        cors: bool,
        // Bytes of an answer written before its status is sent (tests use a small value to see
        // a failing stream aborted).
        #[arg(long, hide = true, default_value_t = hearsay::serve::PREFILL)]
        prefill: usize,
        /// Allow SPARQL updates and Graph Store writes from clients that send the token in
        /// HEARSAY_WRITE_TOKEN
        #[arg(long)]
        writable: bool,
        #[command(flatten)]
        store: StoreArg,
        #[command(flatten)]
        base: BaseArg,
    },
    /// Count articles, entities by type, claims and statements in the store
    Stats {
        /// Output format
        #[arg(long, value_enum, default_value = "text")]
        format: TextFormat,
        /// Same as --format json
        #[arg(long, hide = true)]
        json: bool,
        #[command(flatten)]
        store: StoreArg,
    },
}

#[derive(clap::Args, Debug, Clone)]
struct InputOptions {
    /// Refuse articles (a file, or one JSON line, decompressed) larger than this many bytes
    #[arg(long, default_value_t = ingest::DEFAULT_MAX_BYTES, value_name = "BYTES")]
    max_bytes: u64,
    /// Articles analysed in parallel per batch (memory stays bounded by it)
    #[arg(long, default_value_t = 256, value_name = "N")]
    batch: usize,
    /// Worker threads [default: one per core]
    #[arg(long, short, value_name = "N")]
    jobs: Option<usize>,
    /// How to read standard input (-) and named files whose extension says nothing [default:
    /// by the first bytes: '{' JSON Lines, '<' HTML, anything else text]
    #[arg(long, value_enum, value_name = "KIND")]
    input_format: Option<InputFormat>,
    /// Which JSON Lines fields hold an article's parts: PART=FIELD pairs, comma-separated, with
    /// PART one of text, title, authors, date, publisher, url; FIELD may reach into objects
    /// (meta.title). Unmapped parts keep their defaults: text maintext|text|body|content|article,
    /// title title|headline, authors authors|author|byline, date
    /// date_publish|date_published|datePublished|published|date, publisher
    /// source_domain|publisher|site_name|source, url url|canonical_url|link
    #[arg(long, value_name = "PART=FIELD,...")]
    map: Vec<String>,
    /// Take only shard I of N of the articles (1/2 and 2/2 on two machines read every article
    /// once between them). The share is chosen by content id, so copies of an article fall in
    /// the same shard; every shard reads all inputs, and reports the ones it cannot read
    #[arg(long, value_name = "I/N")]
    shard: Option<ingest::Shard>,
}

impl InputOptions {
    /// What the library needs to read the inputs.
    fn read_options(&self) -> Result<ingest::ReadOptions> {
        let mut fields = ingest::FieldMap::default();
        for spec in &self.map {
            fields = fields.with_spec(spec).context("--map")?;
        }
        let kind = self.input_format.map(|f| match f {
            InputFormat::Text => ingest::Kind::Text,
            InputFormat::Html => ingest::Kind::Html,
            InputFormat::Jsonl => ingest::Kind::Jsonl,
        });
        Ok(ingest::ReadOptions { max_bytes: self.max_bytes, kind, fields })
    }
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum InputFormat {
    /// Plain text, one article
    Text,
    /// An HTML page, one article
    Html,
    /// JSON Lines, one article per line
    Jsonl,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum QueryFormat {
    Table,
    /// Tab-separated bare values under a header of variable names (for pipes and spreadsheets)
    Plain,
    Json,
    Csv,
    Tsv,
    Xml,
    Turtle,
    Ntriples,
    Nquads,
    Trig,
    Jsonld,
    Rdfxml,
    N3,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum RdfFormatArg {
    Nquads,
    Trig,
    Turtle,
    Ntriples,
    Jsonld,
    Rdfxml,
    N3,
}

impl RdfFormatArg {
    fn format(self) -> RdfFormat {
        match self {
            RdfFormatArg::Nquads => RdfFormat::NQuads,
            RdfFormatArg::Trig => RdfFormat::TriG,
            RdfFormatArg::Turtle => RdfFormat::Turtle,
            RdfFormatArg::Ntriples => RdfFormat::NTriples,
            RdfFormatArg::Jsonld => RdfFormat::JsonLd { profile: JsonLdProfileSet::empty() },
            RdfFormatArg::Rdfxml => RdfFormat::RdfXml,
            RdfFormatArg::N3 => RdfFormat::N3,
        }
    }
}

#[derive(Subcommand, Debug)]
enum DiagramKind {
    /// An entity's neighbourhood: relations, articles that mention it, citations and claims
    Entity {
        /// Name or IRI
        target: String,
        /// How many steps out from the entity
        #[arg(long, default_value_t = 1)]
        depth: usize,
    },
    /// Who cited whom for an entity or a claim: article -> intermediary -> source -> claim
    Citations {
        /// Entity name or IRI, or claim IRI
        target: String,
    },
    /// One article: its people, organizations, places and claims with their sources
    Article {
        /// Article IRI, or words of its headline
        target: String,
    },
    /// The corpus's citation network: reporters and sources, articles clustered by outlet
    Network,
    /// The result of a SPARQL CONSTRUCT query
    Query {
        /// The query text (or use --file)
        #[arg(required_unless_present = "file")]
        query: Option<String>,
        /// Read the query from a file
        #[arg(long, short, value_name = "FILE", conflicts_with = "query")]
        file: Option<PathBuf>,
    },
}

#[derive(Subcommand, Debug)]
enum EvaluateKind {
    /// Named entities in a CoNLL-2003 (or Universal NER IOB2) file
    Conll {
        /// The annotated file
        file: PathBuf,
    },
    /// Mention detection in a NIF 2.0 corpus (Turtle)
    Nif {
        /// The .ttl file
        file: PathBuf,
    },
    /// Attributions in a PolNeAR directory (text/*.txt and attributions/*.ann)
    Polnear {
        /// The directory
        dir: PathBuf,
    },
    /// Tags and trees in a Universal Dependencies CoNLL-U file
    ///
    /// UPOS, UPOS+XPOS, UAS and LAS accuracy on the treebank's own words, then sentence, token,
    /// UPOS, UAS and LAS F1 on our own segmentation of its text (CoNLL 2018 alignment by span).
    Ud {
        /// The .conllu file
        file: PathBuf,
        /// Read tagger.hsm and parser.hsm from this folder instead of the built-in models
        #[arg(long, value_name = "DIR")]
        models: Option<PathBuf>,
    },
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum TrainModel {
    All,
    Tagger,
    Parser,
    Ner,
    /// The coreference ranker; --data is a folder with train/ and dev/ as `score_coref.py
    /// prepare` writes them from GUM (scripts/train_coref.sh does both steps)
    Coref,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum DiagramFormat {
    Dot,
    Svg,
    Png,
    Pdf,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum TextFormat {
    Text,
    Json,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum ClaimsFormat {
    /// Lines for people (a table with --numbers)
    Text,
    /// Tab-separated bare values under a header of column names (for pipes and spreadsheets)
    Plain,
    /// JSON Lines
    Json,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum NetworkKind {
    /// Who cites whom (directed, weighted by claims)
    Citations,
    /// Entities mentioned in the same articles (undirected, weighted by articles)
    CoMentions,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum NetworkFormat {
    /// GraphML (networkx, Cytoscape, Gephi, igraph)
    Graphml,
    /// GEXF 1.3 (Gephi)
    Gexf,
    /// Two CSV files in the --output directory: nodes.csv and edges.csv
    Csv,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum ExtractFormat {
    Jsonl,
    Nquads,
}

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
        Command::Ingest { paths, input, store, base } => {
            let pipeline = Pipeline::new(base.iris()?);
            if let Some(endpoint) = store.endpoint()? {
                if !cli.quiet {
                    eprintln!("note: writing each article's graph to {}", endpoint.graph_store());
                }
                return ingest_all(&endpoint, pipeline, &paths, &input, cli.quiet);
            }
            let dir = store.dir()?;
            match Store::open(&dir) {
                Ok(store) => {
                    let ok = ingest_all(&store, pipeline, &paths, &input, cli.quiet)?;
                    store.close()?;
                    Ok(ok)
                }
                Err(StoreError::Locked { path }) => {
                    let Some(remote) = RemoteStore::find(&dir) else { return Err(StoreError::Locked { path }.into()) };
                    if !cli.quiet {
                        eprintln!("note: hearsay serve at {} holds the store; sending the articles through it", remote.address());
                    }
                    ingest_all(&remote, pipeline, &paths, &input, cli.quiet)
                }
                Err(e) => Err(e.into()),
            }
        }
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
        Command::Trace { target, format, json, store, base } => {
            let format = if json { TextFormat::Json } else { format };
            let (store, iris) = (store.open_read_only()?, base.iris()?);
            let found = load::find(&*store, &iris, &target)?;
            if found.is_empty() {
                bail!("nothing in the store is named {target:?} (try an IRI, or `hearsay query` to look names up)");
            }
            // The claims of the articles the target takes part in hold every chain through it.
            let mut facts = load::claims_in(&*store, &iris, &load::articles_of(&*store, &iris, &found)?)?;
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
        Command::Evaluate { what, format, json } => {
            let json = json || format == TextFormat::Json;
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
        Command::Train { model, data, output, epochs, seed } => {
            std::fs::create_dir_all(&output).with_context(|| format!("cannot create {}", output.display()))?;
            let log = |line: &str| {
                if !cli.quiet {
                    eprintln!("{line}");
                }
            };
            if matches!(model, TrainModel::All | TrainModel::Tagger | TrainModel::Parser) {
                train_syntax(model, &data, &output, epochs, seed, log)?;
            }
            if matches!(model, TrainModel::All | TrainModel::Ner) {
                train_ner(&data, &output, epochs, seed, log)?;
            }
            if model == TrainModel::Coref {
                train_coref(&data, &output, epochs, seed, log)?;
            }
            Ok(true)
        }
        Command::Stats { format, json, store } => {
            let json = json || format == TextFormat::Json;
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
    }
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
    let mut facts = load::claims_in(store, iris, &load::articles_of(store, iris, &entities)?)?;
    let mut mentions: std::collections::BTreeMap<String, Vec<[u64; 2]>> = std::collections::BTreeMap::new();
    for (article, span) in load::mentions_of(store, iris, &entities)? {
        mentions.entry(article).or_default().push(span);
    }
    let mut claims: Vec<String> = load::claims_about(store, iris, &entities)?;
    for (article, spans) in &mentions {
        let text: Vec<char> = load::article_text(store, iris, article)?.unwrap_or_default().chars().collect();
        claims.extend(facts.claims.values().filter(|c| &c.article == article && trace::is_about(c, &text, spans)).map(|c| c.iri.clone()));
    }
    claims.sort_by(|a, b| (&facts.claims[a].article, facts.claims[a].span).cmp(&(&facts.claims[b].article, facts.claims[b].span)));
    claims.dedup();
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
    let options = train::Options { epochs: epochs.unwrap_or(8), seed, folds: 4, prune: 1.0 };
    let tagger_path = output.join("tagger.hsm");
    if matches!(model, TrainModel::All | TrainModel::Tagger) {
        let trained = train::train_tagger(&corpus, options, &mut |l| log(l));
        std::fs::write(&tagger_path, &trained.bytes).with_context(|| format!("cannot write {}", tagger_path.display()))?;
        log(&format!("wrote {} ({})", tagger_path.display(), human_bytes(trained.bytes.len() as u64)));
    }
    if matches!(model, TrainModel::All | TrainModel::Parser) {
        let bytes =
            std::fs::read(&tagger_path).with_context(|| format!("cannot read {} (train the tagger first)", tagger_path.display()))?;
        let tagger = Tagger::from_bytes(&bytes).with_context(|| tagger_path.display().to_string())?;
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

/// The tagger and parser read from `dir` (tagger.hsm, parser.hsm).
fn syntax_models(dir: &Path) -> Result<hearsay::syntax::Models> {
    let read = |name: &str| std::fs::read(dir.join(name)).with_context(|| format!("cannot read {}", dir.join(name).display()));
    hearsay::syntax::Models::from_bytes(&read("tagger.hsm")?, &read("parser.hsm")?).with_context(|| dir.display().to_string())
}

/// Trains the entity recognizer from UNER EWT train, GUM, wikigold and re3d under `data`.
fn train_ner(data: &Path, output: &Path, epochs: Option<usize>, seed: u64, log: impl Fn(&str)) -> Result<()> {
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
    let settings = Settings { seed, epochs: epochs.unwrap_or(defaults.epochs), ..defaults };
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
fn train_coref(data: &Path, output: &Path, epochs: Option<usize>, seed: u64, log: impl Fn(&str)) -> Result<()> {
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
    let settings = Settings { seed, epochs: epochs.unwrap_or(Settings::default().epochs) };
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
            load::neighbourhood(store, iris, &focus, depth)?
        }
        DiagramKind::Citations { target } => {
            let focus = named(&target)?;
            // The claims of the articles the focus takes part in hold every chain through it.
            let all = load::claims_in(store, iris, &load::articles_of(store, iris, &focus)?)?;
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
            let facts = load::claims(store, iris)?.citation_network();
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
    use hearsay::network;
    let built = match kind {
        NetworkKind::Citations => network::citations(&load::claims(store, iris)?),
        NetworkKind::CoMentions => network::co_mentions(&load::mentions(store, iris)?),
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

/// Counters for the end-of-run summary.
#[derive(Default)]
struct Tally {
    articles: usize,
    duplicates: usize,
    failed: usize,
    /// Entities counted once per article they appear in.
    entities: usize,
    /// Hashes of the distinct entities' keys (what `stats` counts across the store).
    distinct: std::collections::HashSet<u64>,
    claims: usize,
    quads: usize,
    bytes: u64,
    /// Articles left to the other shards (`--shard`).
    other_shards: usize,
}

impl Tally {
    /// Counts one article's entities.
    fn entities_of(&mut self, doc: &Document) {
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
fn progress(quiet: bool, verb: &str, paths: &[PathBuf]) -> ProgressBar {
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
enum Duplicates {
    /// Over the whole run: `extract` has nothing else that remembers.
    InRun,
    /// Within each batch only: `ingest` asks the store about earlier batches, so memory does
    /// not grow with the corpus.
    InBatch,
}

/// Reads and analyses paths in bounded batches, in parallel, handing each batch's results to
/// `sink` in input order.
#[allow(clippy::too_many_arguments)]
fn for_each_batch(
    pipeline: &Pipeline,
    paths: &[PathBuf],
    input: &InputOptions,
    bar: &ProgressBar,
    quiet: bool,
    tally: &mut Tally,
    duplicates: Duplicates,
    mut sink: impl FnMut(Vec<Document>, &mut Tally) -> Result<()>,
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
        sink(good, tally)?;
    }
}

fn ingest_all(store: &dyn GraphStore, pipeline: Pipeline, paths: &[PathBuf], input: &InputOptions, quiet: bool) -> Result<bool> {
    let started = Instant::now();
    let bar = progress(quiet, "ingesting", paths);
    let mut tally = Tally::default();
    for_each_batch(&pipeline, paths, input, &bar, quiet, &mut tally, Duplicates::InBatch, |docs, tally| {
        let mut graphs = Vec::with_capacity(docs.len());
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
            let quads = rdf::quads(&doc, pipeline.iris());
            tally.articles += 1;
            tally.entities_of(&doc);
            tally.claims += doc.claims.len();
            tally.quads += quads.len();
            paths.insert(graph.as_str().to_string(), source.path.clone());
            graphs.push((graph, quads));
        }
        match store.replace_graphs(&graphs) {
            Err(StoreError::NotWritten(e)) => not_written(&e, &paths, &bar, tally),
            written => Ok(written?),
        }
    })?;
    bar.finish_and_clear();
    summary(quiet, "ingested", &tally, started);
    Ok(tally.failed == 0)
}

/// Reports each article a remote store did not write, by its path, and counts it as failed; a
/// server that refused some graphs may take the next batch, so the run goes on unless the
/// failure would fail every write (unreachable, or credentials refused).
fn not_written(e: &WriteError, paths: &std::collections::HashMap<String, String>, bar: &ProgressBar, tally: &mut Tally) -> Result<()> {
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

fn extract_all(pipeline: Pipeline, paths: &[PathBuf], format: ExtractFormat, input: &InputOptions, quiet: bool) -> Result<bool> {
    let started = Instant::now();
    let bar = progress(quiet, "extracting", paths);
    let mut tally = Tally::default();
    let mut out = BufWriter::new(io::stdout().lock());
    for_each_batch(&pipeline, paths, input, &bar, quiet, &mut tally, Duplicates::InRun, |docs, tally| {
        for doc in docs {
            tally.articles += 1;
            tally.entities_of(&doc);
            tally.claims += doc.claims.len();
            match format {
                ExtractFormat::Jsonl => {
                    serde_json::to_writer(&mut out, &pipeline.json(&doc))?;
                    out.write_all(b"\n")?;
                }
                ExtractFormat::Nquads => {
                    let quads = rdf::quads(&doc, pipeline.iris());
                    tally.quads += quads.len();
                    let mut writer = RdfSerializer::from_format(RdfFormat::NQuads).for_writer(&mut out);
                    for q in &quads {
                        writer.serialize_quad(q)?;
                    }
                    writer.finish()?;
                }
            }
        }
        Ok(())
    })?;
    out.flush()?;
    bar.finish_and_clear();
    summary(quiet, "extracted", &tally, started);
    Ok(tally.failed == 0)
}

fn summary(quiet: bool, verb: &str, t: &Tally, started: Instant) {
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

fn human_bytes(bytes: u64) -> String {
    let units = ["B", "KiB", "MiB", "GiB", "TiB"];
    let mut value = bytes as f64;
    let mut unit = 0;
    while value >= 1024.0 && unit + 1 < units.len() {
        value /= 1024.0;
        unit += 1;
    }
    if unit == 0 { format!("{bytes} B") } else { format!("{value:.1} {}", units[unit]) }
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
