//! Word lists the attribution rules share about frames: what a cue form's neighbours make of it,
//! openers, circumstances and endings of frames, and verbs that judge (`words` holds the rest).

/// Words (lowercased) after which a cue form is a noun: determiners, possessive pronouns,
/// prepositions, quantifiers and "presidential" ("the debate", "secretary of state").
pub(super) const NOUN_CONTEXT: &[&str] = &[
    "the",
    "a",
    "an",
    "this",
    "these",
    "those",
    "its",
    "his",
    "her",
    "their",
    "our",
    "my",
    "your",
    "of",
    "in",
    "on",
    "at",
    "for",
    "with",
    "by",
    "every",
    "each",
    "no",
    "any",
    "some",
    "another",
    "presidential",
];

/// Adjectives (lowercased) after which a cue form that is not past is a noun ("the official
/// report", "the latest poll").
pub(super) const NOUN_ADJECTIVES: &[&str] = &[
    "first",
    "second",
    "same",
    "such",
    "other",
    "recent",
    "new",
    "latest",
    "last",
    "previous",
    "public",
    "official",
    "similar",
    "earlier",
    "further",
    "many",
    "several",
    "few",
    "necessary",
    "own",
    "initial",
    "final",
    "formal",
];

/// Nouns of a request for comment ("did not respond to requests for comment").
pub(super) const COMMENT_REQUESTS: &[&str] =
    &["request", "requests", "inquiry", "inquiries", "message", "messages", "email", "emails", "call", "calls", "comment"];

/// Words that open the question after "Asked" ("Asked about the plan,", "Asked why he
/// trailed,").
pub(super) const QUESTION_OPENERS: &[&str] = &["about", "whether", "if", "what", "how", "why", "who", "which", "when", "where"];

/// Linking verbs after which a participle is an adjective ("the findings looked promising").
pub(super) const LINKING_VERBS: &[&str] = &["look", "looks", "looked", "seem", "seems", "seemed", "sound", "sounds", "sounded"];

/// Words (lowercased) that open an adverbial phrase before a frame, beside
/// `CIRCUMSTANCE_OPENERS` ("Through a spokesman, Trump declined to comment").
pub(super) const ADVERBIAL_OPENERS: &[&str] = &[
    "through",
    "like",
    "along",
    "and",
    "but",
    "this",
    "last",
    "next",
    "even",
    "among",
    "across",
    "from",
    "to",
    "over",
    "within",
    "besides",
    "regarding",
];

/// Words that open a frame's own circumstance after its verb ("said in his interview",
/// "announced Monday morning", with the weekdays).
pub(super) const FRAME_CIRCUMSTANCE_OPENERS: &[&str] =
    &["in", "at", "on", "during", "after", "before", "last", "yesterday", "today", "earlier", "this", "late", "early"];

/// Words after a passive "asked" that open the question ("was asked, "...?"", "was asked if").
pub(super) const PASSIVE_QUESTION_OPENERS: &[&str] =
    &[",", ":", "“", "\"", "''", "if", "whether", "what", "how", "why", "who", "when", "where", "which", "a", "about"];

/// Verbs whose object is the one spoken to ("told Mr Brandt", "was warned by the referee"): a
/// passive's subject is its hearer, not what was said.
pub(super) const ADDRESSED: &[&str] = &["tell", "inform", "remind", "assure", "brief", "notify", "promise", "warn", "advise"];

/// Words that end a passive's agent after "by": punctuation, prepositions, conjunctions and
/// words of time.
pub(super) const AGENT_ENDS: &[&str] = &[
    ",", ";", ":", "—", "--", "(", "in", "on", "at", "after", "during", "since", "because", "when", "as", "for", "to", "last", "this",
    "earlier", "and",
];

/// Words after "seem" or "appear" (or after "seemed to") that open no complement of the
/// hedge: prepositions, determiners and words of place ("appeared to the crowd", "appeared
/// onstage").
pub(super) const SEEMING_NOT_COMPLEMENTS: &[&str] = &[
    "on",
    "in",
    "at",
    "before",
    "with",
    "as",
    "for",
    "during",
    "onstage",
    "alongside",
    "together",
    "from",
    "after",
    "live",
    "here",
    "there",
    "the",
    "a",
    "an",
    "to",
    "and",
    "or",
    "but",
    "his",
    "her",
    "their",
    "this",
];

/// Subordinators: a clause-opening noun phrase starts with none and holds none.
pub(super) const SUBORDINATORS: &[&str] = &["when", "if", "after", "before", "as", "while", "because", "since", "although", "though"];

/// Words (lowercased) that open no noun phrase heading its clause: conjunctions, adverbs,
/// demonstratives, question words, prepositions and negations.
pub(super) const NOT_PHRASE_OPENERS: &[&str] = &[
    "but",
    "and",
    "so",
    "then",
    "still",
    "yet",
    "now",
    "also",
    "however",
    "instead",
    "meanwhile",
    "here",
    "there",
    "this",
    "that",
    "these",
    "those",
    "what",
    "how",
    "why",
    "where",
    "in",
    "on",
    "at",
    "for",
    "by",
    "with",
    "from",
    "to",
    "during",
    "under",
    "over",
    "last",
    "next",
    "earlier",
    "later",
    "it",
    "once",
    "until",
    "unless",
    "whether",
    "even",
    "only",
    "just",
    "both",
    "either",
    "neither",
    "not",
    "no",
];

/// Words (lowercased) that end what a number counts ("80 percent of ISIS groups in"):
/// prepositions, conjunctions, relatives, auxiliaries, determiners, words of time and object
/// pronouns.
pub(super) const COUNTED_STOPS: &[&str] = &[
    "in",
    "of",
    "from",
    "to",
    "at",
    "for",
    "with",
    "and",
    "or",
    "but",
    "who",
    "that",
    "which",
    "have",
    "has",
    "had",
    "are",
    "is",
    "were",
    "was",
    "will",
    "would",
    "could",
    "a",
    "an",
    "the",
    "than",
    "over",
    "since",
    "by",
    "on",
    "per",
    "each",
    "last",
    "next",
    "this",
    "now",
    "then",
    "ago",
    "already",
    "still",
    "today",
    "yesterday",
    "more",
    "less",
    "so",
    "as",
    "before",
    "after",
    "during",
    "them",
    "those",
    "these",
    "whom",
    "us",
];

/// Finite speech verbs that open a frame after a comma ("..., said Ana Ruiz", "..., says the
/// report"): a cue form right before the comma is no cue of its own (`Attributor::ends_subject`).
pub(super) const FRAME_VERBS: &[&str] =
    &["said", "says", "told", "tells", "added", "adds", "argued", "argues", "warned", "warns", "insisted", "insists", "claimed", "claims"];

/// Lemmas of verbs that judge someone for what they did ("accused X of saying", "criticised X for
/// claiming", "branded X arrogant for claiming"): the one judged said it.
pub(super) const JUDGING_OF_AN_ACT: &[&str] = &[
    "accuse",
    "criticize",
    "criticise",
    "blame",
    "attack",
    "condemn",
    "praise",
    "thank",
    "congratulate",
    "brand",
    "slam",
    "commend",
    "fault",
    "rebuke",
    "chide",
    "castigate",
    "lambaste",
    "denounce",
    "applaud",
    "hail",
    "scold",
    "berate",
    "censure",
    "ridicule",
    "mock",
];

/// Adverbs without "-ly" that may stand between a subject and its verb ("Mr Hockney meanwhile
/// told the BBC", "the firm however said").
pub(super) const VERB_GROUP_ADVERBS: &[&str] =
    &["meanwhile", "however", "nevertheless", "nonetheless", "therefore", "already", "again", "later"];
