//! The command line's arguments, options and help text (clap).

use crate::*;

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
pub(crate) struct Cli {
    /// Print no progress or summary on standard error
    #[arg(long, short, global = true)]
    pub(crate) quiet: bool,
    #[command(subcommand)]
    pub(crate) command: Command,
}

/// `--format text|json` (and the hidden `--json`), for the commands that print text or JSON.
#[derive(clap::Args, Debug, Clone)]
pub(crate) struct FormatArg {
    /// Output format
    // Global so that `evaluate --format json conll FILE` and `evaluate conll FILE --format json`
    // both work.
    #[arg(long, value_enum, default_value = "text", global = true)]
    format: TextFormat,
    /// Same as --format json
    #[arg(long, global = true, hide = true)]
    json: bool,
}

impl FormatArg {
    /// The format asked for, `--json` counting as `--format json`.
    pub(crate) fn resolved(&self) -> TextFormat {
        if self.json { TextFormat::Json } else { self.format }
    }
}

/// `--store`, for the commands that read or write a store.
#[derive(clap::Args, Debug, Clone)]
pub(crate) struct StoreArg {
    /// Store directory, or the query URL of a SPARQL endpoint that holds the store (credentials
    /// from HEARSAY_STORE_USER and HEARSAY_STORE_PASSWORD, or HEARSAY_STORE_TOKEN) [default:
    /// $XDG_DATA_HOME/hearsay/store, or ~/.local/share/hearsay/store]
    // Global so that `diagram --store DIR network` and `diagram network --store DIR` both work.
    #[arg(long, global = true, env = "HEARSAY_STORE", value_name = "DIR|URL")]
    pub(crate) store: Option<PathBuf>,
    /// With a --store URL: the SPARQL Graph Store endpoint that ingest writes to [default: /store
    /// beside a /query URL (Oxigraph), /sparql-graph-crud beside a /sparql URL (Virtuoso;
    /// /sparql-graph-crud-auth with a user)]
    #[arg(long, global = true, env = "HEARSAY_GRAPH_STORE", value_name = "URL")]
    pub(crate) graph_store: Option<String>,
}

impl StoreArg {
    /// The store directory: `--store`, else the default location.
    pub(crate) fn dir(&self) -> Result<PathBuf> {
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
    pub(crate) fn endpoint(&self) -> Result<Option<Endpoint>> {
        let url = self.store.as_deref().and_then(|p| p.to_str()).filter(|s| s.starts_with("http://") || s.starts_with("https://"));
        match url {
            Some(url) => Ok(Some(Endpoint::new(EndpointConfig::new(url, self.graph_store.as_deref())?)?)),
            None if self.graph_store.is_some() => bail!("--graph-store goes with a --store URL (a SPARQL endpoint)"),
            None => Ok(None),
        }
    }

    /// Opens the store for reading: the SPARQL endpoint, or the folder.
    pub(crate) fn open_read_only(&self) -> Result<Box<dyn SparqlStore>> {
        if let Some(endpoint) = self.endpoint()? {
            return Ok(Box::new(endpoint));
        }
        Ok(Box::new(Store::open_read_only(&self.dir()?)?))
    }
}

/// `--base`, for the commands that mint IRIs or read them back.
#[derive(clap::Args, Debug, Clone)]
pub(crate) struct BaseArg {
    /// Base IRI for the resources hearsay mints (articles, entities, claims)
    #[arg(long, global = true, env = "HEARSAY_BASE", value_name = "IRI", default_value = rdf::DEFAULT_BASE)]
    pub(crate) base: String,
}

impl BaseArg {
    /// The IRI minter for this base.
    pub(crate) fn iris(&self) -> Result<Iris> {
        Ok(Iris::new(&self.base)?)
    }
}

#[derive(Subcommand, Debug)]
pub(crate) enum Command {
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
        #[command(flatten)]
        format: FormatArg,
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
        #[command(flatten)]
        format: FormatArg,
    },
    /// Train the learned models from freely licensed corpora (not the evaluation sets)
    ///
    /// tagger and parser learn from UD English-EWT train and GUM's train documents (selected on
    /// their dev parts); ner from UNER EWT train, GUM's named entities, wikigold and re3d; coref
    /// from GUM's coreference (fitted on the train documents, scored on dev), prepared by
    /// scripts/train_coref.sh. The same data and seed give byte-identical weights (ner and coref
    /// need no seed: their fits have one optimum). Rebuild hearsay afterwards: the weights in data/models are
    /// compiled into the binary. See data/models/README.md.
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
        /// Passes over the training data for tagger and parser (the best held-out pass is
        /// kept); for ner and coref, the most iterations of their fit
        #[arg(long, value_name = "N")]
        epochs: Option<usize>,
        /// Seed for shuffling (tagger and parser)
        #[arg(long, default_value_t = 2, value_name = "N")]
        seed: u64,
        /// ner and coref: the L2 penalty of the fit (larger keeps the weights smaller; defaults:
        /// 3 for ner, 10 for coref)
        #[arg(long, value_name = "X")]
        l2: Option<f64>,
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
        #[command(flatten)]
        format: FormatArg,
        #[command(flatten)]
        store: StoreArg,
    },
}

#[derive(clap::Args, Debug, Clone)]
pub(crate) struct InputOptions {
    /// Refuse articles (a file, or one JSON line, decompressed) larger than this many bytes
    #[arg(long, default_value_t = ingest::DEFAULT_MAX_BYTES, value_name = "BYTES")]
    pub(crate) max_bytes: u64,
    /// Articles analysed in parallel per batch (memory stays bounded by it)
    #[arg(long, default_value_t = 256, value_name = "N")]
    pub(crate) batch: usize,
    /// Worker threads [default: one per core]
    #[arg(long, short, value_name = "N")]
    pub(crate) jobs: Option<usize>,
    /// How to read standard input (-) and named files whose extension says nothing [default:
    /// by the first bytes: '{' JSON Lines, '<' HTML, anything else text]
    #[arg(long, value_enum, value_name = "KIND")]
    pub(crate) input_format: Option<InputFormat>,
    /// Which JSON Lines fields hold an article's parts: PART=FIELD pairs, comma-separated, with
    /// PART one of text, title, authors, date, publisher, url; FIELD may reach into objects
    /// (meta.title). Unmapped parts keep their defaults: text maintext|text|body|content|article,
    /// title title|headline, authors authors|author|byline, date
    /// date_publish|date_published|datePublished|published|date, publisher
    /// source_domain|publisher|site_name|source, url url|canonical_url|link
    #[arg(long, value_name = "PART=FIELD,...")]
    pub(crate) map: Vec<String>,
    /// Take only shard I of N of the articles (1/2 and 2/2 on two machines read every article
    /// once between them). The share is chosen by content id, so copies of an article fall in
    /// the same shard; every shard reads all inputs, and reports the ones it cannot read
    #[arg(long, value_name = "I/N")]
    pub(crate) shard: Option<ingest::Shard>,
}

impl InputOptions {
    /// What the library needs to read the inputs.
    pub(crate) fn read_options(&self) -> Result<ingest::ReadOptions> {
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
pub(crate) enum InputFormat {
    /// Plain text, one article
    Text,
    /// An HTML page, one article
    Html,
    /// JSON Lines, one article per line
    Jsonl,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum QueryFormat {
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
pub(crate) enum RdfFormatArg {
    Nquads,
    Trig,
    Turtle,
    Ntriples,
    Jsonld,
    Rdfxml,
    N3,
}

impl RdfFormatArg {
    pub(crate) fn format(self) -> RdfFormat {
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
pub(crate) enum DiagramKind {
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
pub(crate) enum EvaluateKind {
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
pub(crate) enum TrainModel {
    All,
    Tagger,
    Parser,
    Ner,
    /// The coreference ranker; --data is a folder with train/ and dev/ as `score_coref.py
    /// prepare` writes them from GUM (scripts/train_coref.sh does both steps)
    Coref,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum DiagramFormat {
    Dot,
    Svg,
    Png,
    Pdf,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TextFormat {
    Text,
    Json,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ClaimsFormat {
    /// Lines for people (a table with --numbers)
    Text,
    /// Tab-separated bare values under a header of column names (for pipes and spreadsheets)
    Plain,
    /// JSON Lines
    Json,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NetworkKind {
    /// Who cites whom (directed, weighted by claims)
    Citations,
    /// Entities mentioned in the same articles (undirected, weighted by articles)
    CoMentions,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NetworkFormat {
    /// GraphML (networkx, Cytoscape, Gephi, igraph)
    Graphml,
    /// GEXF 1.3 (Gephi)
    Gexf,
    /// Two CSV files in the --output directory: nodes.csv and edges.csv
    Csv,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ExtractFormat {
    Jsonl,
    Nquads,
}
