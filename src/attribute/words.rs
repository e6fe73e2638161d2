//! Word lists and word tests the attribution rules share.

/// Verbs of not doing that negate a cue after "to" ("failed to disclose", "refused to say").
pub(super) const REFUSALS: &[&str] =
    &["fail", "fails", "failed", "failing", "refuse", "refuses", "refused", "refusing", "decline", "declines", "declined", "neglected"];

pub(super) const PRONOUNS: &[&str] = &["he", "she", "they", "it", "i", "we", "you", "He", "She", "They", "It", "I", "We", "You"];
pub(super) const PEOPLE_NOUNS: &[&str] = &[
    "experts",
    "officials",
    "residents",
    "sources",
    "analysts",
    "observers",
    "critics",
    "authorities",
    "witnesses",
    "people",
    "militants",
    "members",
    "activists",
    "researchers",
    "scientists",
    "diplomats",
    "commentators",
    "reporters",
    "journalists",
    "locals",
    "villagers",
    "lawyers",
    "investigators",
    "prosecutors",
    "government",
    "ministry",
    "staffer",
    "source",
    "official",
    "man",
    "woman",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "police",
    "study",
    "report",
    "survey",
    "poll",
    "statement",
    "agency",
    "group",
    "institute",
    "union",
    "authority",
    "company",
    "developer",
    "party",
    "data",
    "figures",
    "army",
    "military",
    "leaders",
    "leader",
    "voters",
    "workers",
    "doctors",
    "patients",
    "fighters",
    "defector",
    "analysis",
    "documents",
    "website",
    "portal",
    "newspaper",
    "demonstrators",
    "protesters",
    "veterans",
    "families",
    "parents",
    "students",
    "democrats",
    "republicans",
    "conservatives",
    "liberals",
    "progressives",
    "advocates",
    "personnel",
    "campaign",
    "administration",
    "panel",
    "committee",
    "court",
    "lawmakers",
    "senators",
    "passengers",
    "commuters",
    "customers",
    "consumers",
    "economists",
    "executives",
    "supporters",
    "opponents",
    "advisers",
    "aides",
    "farmers",
    "teachers",
    "nurses",
    "owners",
    "regulators",
    "businesses",
    "environmentalists",
    "historians",
];
pub(super) const AUXILIARIES: &[&str] = &[
    "has",
    "have",
    "had",
    "is",
    "was",
    "were",
    "are",
    "will",
    "would",
    "could",
    "may",
    "might",
    "also",
    "recently",
    "later",
    "further",
    "then",
    "now",
    "again",
    "previously",
    "repeatedly",
    "publicly",
    "reportedly",
    "already",
    "often",
    "been",
    "not",
    "did",
    "does",
    "do",
    "even",
    "only",
    "still",
    "once",
    "never",
    "must",
    "should",
    "can",
    "first",
    "earlier",
];
pub(super) const WEEKDAYS: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
/// Verbs that take another verb through "to" ("continues to insist", "refused to disclose").
pub(super) const CATENATIVES: &[&str] = &[
    "continue",
    "continues",
    "continued",
    "appear",
    "appears",
    "appeared",
    "seem",
    "seems",
    "seemed",
    "try",
    "tries",
    "tried",
    "begin",
    "begins",
    "began",
    "start",
    "starts",
    "started",
    "need",
    "needs",
    "needed",
    "seek",
    "seeks",
    "sought",
    "decline",
    "declines",
    "declined",
    "refuse",
    "refuses",
    "refused",
    "want",
    "wants",
    "wanted",
    "plan",
    "plans",
    "planned",
    "hope",
    "hopes",
    "hoped",
    "able",
    "likely",
    "unlikely",
    "expected",
    "used",
    "going",
    "set",
    "ready",
    "willing",
    "eager",
    "determined",
    "unable",
    "trying",
    "quick",
    "about",
    "yet",
    "has",
    "have",
    "had",
];
/// Finite forms of "be" and the modals: a clause's verb.
pub(super) const FINITE: &[&str] = &["is", "are", "was", "were", "will", "would", "could", "can", "should", "might", "may", "must"];
/// Unnamed people who speak for the organization named before them ("Labour strategists",
/// "an Investment Ministry official"); not its leaders, whom an article often names elsewhere,
/// nor its customers or voters.
pub(super) const INSIDERS: &[&str] = &[
    "official",
    "officials",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "spokespeople",
    "source",
    "sources",
    "insider",
    "insiders",
    "lawyer",
    "lawyers",
    "strategist",
    "strategists",
    "staff",
    "executives",
    "negotiators",
    "aides",
    "aide",
    "figures",
    "data",
];

/// Those who speak for an organization named with a possessive before them, beside its
/// `INSIDERS` ("Halden Telecom's directors", "the club's board").
pub(super) const VOICES: &[&str] = &["directors", "board", "management", "chairman", "owners", "minutes"];
/// Those who speak for a person named with a possessive before them ("Mr Berg's official
/// spokesman", "Juninho's agent", "President Castro's chief aide", "Mr Spitzer's office").
pub(crate) const PERSONAL_VOICES: &[&str] = &[
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "lawyer",
    "lawyers",
    "solicitor",
    "solicitors",
    "attorney",
    "attorneys",
    "aide",
    "aides",
    "adviser",
    "advisers",
    "advisor",
    "advisors",
    "agent",
    "office",
    "camp",
    "team",
];

pub(super) const NOMINAL_CUES: &[&str] = &[
    "estimate",
    "estimates",
    "report",
    "study",
    "statement",
    "assessment",
    "figures",
    "data",
    "survey",
    "poll",
    "analysis",
    "findings",
    "announcement",
    "claim",
    "claims",
    "count",
    "calculation",
    "calculations",
];
/// Words that open a phrase or clause of circumstance before a frame ("In a statement, X said",
/// "When he bought the mine, X said"): what they open is not the content.
pub(super) const CIRCUMSTANCE_OPENERS: &[&str] = &[
    "in",
    "on",
    "at",
    "after",
    "before",
    "during",
    "asked",
    "speaking",
    "writing",
    "responding",
    "earlier",
    "later",
    "meanwhile",
    "separately",
    "then",
    "still",
    "also",
    "however",
    "when",
    "while",
    "as",
    "if",
    "although",
    "though",
    "because",
    "since",
    "despite",
    "following",
    "with",
    "without",
    "for",
    "by",
    "under",
    "amid",
    "unlike",
    "once",
    "until",
    "unless",
    "whenever",
];
/// Whether `word` is a dash between words: em, en and horizontal bar, the typewriter "--", or
/// a hyphen standing alone.
pub(super) fn is_dash(word: &str) -> bool {
    matches!(word, "—" | "―" | "–" | "--" | "-")
}

/// Whether `word` reads as an -ly adverb ("repeatedly", "publicly"), not a noun in -ly ("the
/// family said", "an ally") nor a name ("Desailly insists", "Italy", "Kelly").
pub(super) fn is_adverb(word: &str) -> bool {
    word.len() > 4
        && word.ends_with("ly")
        && !word.starts_with(char::is_uppercase)
        && !matches!(word, "family" | "ally" | "rally" | "assembly" | "supply" | "monopoly" | "anomaly")
}

/// Conjunctions that open a subordinate clause before the main one ("Though ..., X said").
pub(super) const SUBORDINATE_OPENERS: &[&str] =
    &["though", "although", "while", "when", "if", "because", "since", "as", "after", "before", "despite", "unless", "once"];

/// Words in "-ing" that describe a person or list members rather than tell what someone did
/// while speaking ("acting political director", "ranking member", "including Carly Fiorina"; a
/// hyphenated word, "car-making", is no participle either).
pub(super) const DESCRIBING_ING: &[&str] = &[
    "acting",
    "ranking",
    "leading",
    "founding",
    "managing",
    "presiding",
    "governing",
    "ruling",
    "including",
    "outgoing",
    "incoming",
    "sitting",
    "serving",
    "retiring",
    "reigning",
    "visiting",
    "longstanding",
];

/// Cue classes of states of mind, intentions, stances and directives (think, want, support,
/// encourage), as opposed to acts of speech: inside what someone said they are part of it.
pub(super) const PRIVATE_STATES: &[&str] = &["suggest", "intend", "judge", "urge"];
/// Words that open a noun phrase naming someone ("said another advocate", "said his best friend").
pub(super) const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "these", "those", "one", "another", "his", "her", "their", "its", "our", "my", "your", "several", "some",
    "two", "three", "many", "most", "both", "other", "others", "top", "senior", "former",
];
/// Prepositions that head no noun phrase.
/// Prepositions after which a place only says where the phrase's head is ("doctors in Athens",
/// "Tirunesh Dibaba of Ethiopia").
pub(super) const LOCATIVES: &[&str] = &["in", "of", "from", "at", "on", "near", "outside", "across", "around", "throughout"];
/// Heads that speak for the place after them ("the government in Cairo", "officials in Brussels",
/// "the city of Phoenix").
pub(super) const PLACE_BODIES: &[&str] =
    &["government", "authorities", "officials", "city", "town", "county", "state", "village", "council"];
/// Words opening a circumstance or aside between commas after a subject ("Clinton, during a
/// town hall meeting, said", "Sanders, meanwhile, said", "Trump, like many Republicans, said",
/// "some, particularly the CBI, warned"): not a description of the speaker. Not "for" or "by",
/// which may say whom a speaker speaks for or who wrote a book ("Ian Vance, for the Tories").
pub(super) const ASIDE_OPENERS: &[&str] = &[
    "in",
    "on",
    "during",
    "after",
    "before",
    "to",
    "meanwhile",
    "however",
    "too",
    "though",
    "with",
    "when",
    "while",
    "speaking",
    "asked",
    "as",
    "like",
    "unlike",
    "particularly",
    "especially",
    "instead",
];

pub(super) const PREPOSITIONS: &[&str] = &["to", "of", "in", "on", "at", "for", "with", "by", "from", "as", "into", "than", "about"];

/// Whether `word` ends like a plural noun or a third-person verb ("judges", "says"; not "press").
pub(super) fn is_plural(word: &str) -> bool {
    word.ends_with('s') && !word.ends_with("ss")
}

/// Whether `word` is a document noun that can show or find something ("polls", "records"); "it"
/// only as a sentence's "It".
pub(super) fn document_noun(word: &str) -> bool {
    word != "it" && DOCUMENTS.contains(&word.to_lowercase().as_str())
}

/// Whether `word` is a message or a document that says something ("statement", "tweet",
/// "report"): a message as written (callers lowercase it where its case may vary), a document
/// in any case.
pub(super) fn message_or_document(word: &str) -> bool {
    MESSAGES.contains(&word) || document_noun(word)
}

/// What someone sends or holds that says something ("posted a message saying", "issued a paper
/// welcoming", "at a news conference announcing"), beside the documents.
pub(super) const MESSAGES: &[&str] = &[
    "message",
    "messages",
    "statement",
    "statements",
    "tweet",
    "tweets",
    "post",
    "posts",
    "email",
    "emails",
    "note",
    "notes",
    "paper",
    "conference",
    "speech",
    "interview",
    "briefing",
];

/// Documents that show or find what their object says ("Polls show", "Video of the incident shows").
pub(super) const DOCUMENTS: &[&str] = &[
    "poll",
    "polls",
    "polling",
    "average",
    "averages",
    "analysis",
    "analyses",
    "study",
    "studies",
    "report",
    "reports",
    "survey",
    "surveys",
    "data",
    "video",
    "videos",
    "footage",
    "transcript",
    "documents",
    "records",
    "research",
    "slide",
    "review",
    "audit",
    "investigation",
    "results",
    "evidence",
    "memo",
    "letter",
    "book",
    "memoir",
    "memoirs",
    "autobiography",
    "lawsuit",
    "figures",
    "numbers",
    "filings",
    "tests",
    "census",
    "it",
];
/// Subordinators that open a clause without its subject and auxiliary ("when asked by a
/// reporter whether", "if pressed by the committee"): the past form after them is the clause's
/// verb, no reduced relative.
pub(super) const ELLIPTICAL_SUBORDINATORS: &[&str] = &["when", "if", "once", "unless", "until", "while", "though", "although"];

/// Documents that someone wrote and that speak for their author ("Mr Peston's book claimed",
/// "Apple's lawsuit accused"), but show or find nothing without a clause ("has written a book
/// whilst still finding time", "his cartoon book ... as NBC begin showing": `document_fits`).
pub(super) const AUTHORED: &[&str] = &["book", "memoir", "memoirs", "autobiography", "lawsuit"];

/// Last words of public bodies, which "the company" or "the firm" does not stand for.
pub(super) const PUBLIC_BODIES: &[&str] = &[
    "commission",
    "committee",
    "council",
    "authority",
    "ministry",
    "department",
    "office",
    "court",
    "parliament",
    "assembly",
    "government",
    "agency",
    "police",
    "tribunal",
    "union",
    "party",
    "federation",
    "league",
    "association",
    "institute",
    "university",
    "college",
    "school",
    "service",
    "organisation",
    "organization",
];

/// Hearers between a verb of telling and its clause ("told reporters that", "warned voters that").
pub(super) const OBJECTS: &[&str] = &[
    "reporters",
    "journalists",
    "me",
    "us",
    "him",
    "her",
    "them",
    "supporters",
    "parliament",
    "lawmakers",
    "listeners",
    "viewers",
    "readers",
    "voters",
    "crowd",
    "audience",
    "audiences",
    "donors",
    "Americans",
    "people",
    "followers",
    "allies",
    "colleagues",
    "aides",
    "officials",
    "investigators",
    "Congress",
    "senators",
    "delegates",
    "students",
    "workers",
    "employees",
    "staff",
    "residents",
    "members",
    "passengers",
    "customers",
    "clients",
    "investors",
    "parents",
    "the",
    "a",
    "an",
];

/// Reflexives that add nothing to a subject ("The WTO itself has warned").
pub(super) const REFLEXIVES: &[&str] = &["itself", "himself", "herself", "themselves"];

/// Words (lowercased) that are no modifier of a role before a name: conjunctions,
/// subordinators ("after US Treasury Secretary John Snow said"), relatives, prepositions,
/// "now", "shortly" and "said".
pub(super) const NOT_ROLE_MODIFIERS: &[&str] = &[
    "and", "or", "but", "that", "which", "who", "as", "to", "of", "in", "on", "at", "for", "with", "by", "from", "said", "says", "after",
    "before", "when", "while", "whereas", "since", "until", "because", "although", "though", "if", "than", "once", "now", "shortly",
];

/// Words (lowercased) that open a clause or phrase, so that no run of modifiers from the
/// clause's start to a name holds them.
pub(super) const NOT_CLAUSE_MODIFIERS: &[&str] = &[
    "that", "which", "who", "to", "in", "on", "at", "for", "with", "by", "from", "as", "and", "or", "but", "so", "than", "if", "when",
    "while", "because", "then", "there", "it", "after", "before", "since", "until", "although", "though", "whereas", "once", "unless",
];

/// Words (lowercased) that open a circumstance of time or manner rather than a name's
/// modifiers, beside `CIRCUMSTANCE_OPENERS`.
pub(super) const CIRCUMSTANCE_WORDS: &[&str] =
    &["last", "this", "next", "today", "yesterday", "now", "even", "only", "meanwhile", "like", "unlike"];

/// Words (lowercased) that, capitalized at a sentence's start, are no common noun naming a
/// source ("Video shows", but not "However ...").
pub(super) const NOT_OPENING_NOUNS: &[&str] = &[
    "that",
    "this",
    "there",
    "here",
    "it",
    "what",
    "but",
    "and",
    "so",
    "then",
    "now",
    "still",
    "yet",
    "also",
    "when",
    "while",
    "if",
    "as",
    "although",
    "though",
    "because",
    "since",
    "after",
    "before",
    "once",
    "unless",
    "where",
    "who",
    "how",
    "why",
    "whether",
    "until",
    "however",
    "instead",
    "meanwhile",
    "later",
    "earlier",
];

/// Quantifiers (lowercased) standing for people ("Some believe ...", "others say").
pub(super) const PEOPLE_QUANTIFIERS: &[&str] =
    &["some", "many", "others", "most", "few", "several", "all", "someone", "everyone", "nobody", "everybody", "somebody"];

/// Words (lowercased) that state a share of those polled, beside numbers ("55 percent", "one
/// in four", "half").
pub(super) const SHARE_WORDS: &[&str] = &[
    "percent", "%", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "half", "third", "thirds", "quarter",
    "quarters", "majority",
];

/// Words (lowercased) that qualify a share ("more than 4 in 10", "nearly half of the").
pub(super) const SHARE_QUALIFIERS: &[&str] = &[
    "in", "of", "than", "more", "less", "fewer", "about", "nearly", "almost", "just", "only", "over", "under", "some", "roughly", "around",
    "all", "but", "a", "the", "those",
];

/// Words that end the phrase a determiner is looked for in, before a head noun: punctuation,
/// quotation marks, conjunctions, relatives and prepositions.
pub(super) const NOUN_PHRASE_BREAKS: &[&str] =
    &[",", ".", ";", ":", "“", "\"", "''", "”", "and", "but", "that", "which", "who", "to", "of", "in", "on", "for", "with"];

/// Determiners, possessive pronouns and quantifiers that make a noun phrase of a lowercase
/// head noun ("The campaign says", "several insiders said").
pub(super) const NOUN_DETERMINERS: &[&str] = &[
    "the", "The", "a", "A", "an", "An", "its", "Its", "his", "His", "her", "Her", "their", "Their", "one", "One", "those", "Those",
    "these", "These", "several", "Several", "many", "Many", "some", "Some", "most", "Most", "numerous", "Numerous",
];

/// Words (lowercased) a description does not reach back over: subordinators ("Although Mrs.
/// Clinton's plan is ..."), conjunctions, relatives, the object pronoun "what" ("what
/// multiple lawmakers called"), the "with" of an absolute clause ("with analysts saying"),
/// "now" and "shortly".
pub(super) const DESCRIPTION_BREAKS: &[&str] = &[
    "what", "and", "but", "that", "which", "who", "because", "as", "while", "when", "if", "so", "than", "though", "although", "whereas",
    "since", "after", "before", "until", "unless", "whether", "where", "or", "with", "now", "shortly",
];

/// Determiners that open a description: walking back over it stops after one.
pub(super) const DESCRIPTION_DETERMINERS: &[&str] = &[
    "the", "a", "an", "one", "some", "many", "several", "two", "three", "other", "its", "his", "her", "their", "this", "those", "these",
    "Those", "These",
];

/// Words that open an apposition or relative clause after a name and a comma ("a senior
/// researcher", "who runs ...", "now ...", "including ...").
pub(super) const APPOSITION_OPENERS: &[&str] =
    &["a", "an", "the", "who", "which", "whose", "its", "his", "her", "their", "one", "now", "then", "also", "including"];

/// Lowercase words that open no apposition: conjunctions, subordinators and question words.
pub(super) const NOT_APPOSITION_NOUNS: &[&str] =
    &["and", "but", "or", "that", "why", "what", "how", "when", "where", "if", "so", "because", "while", "as", "though", "although"];

/// Words that open a description before a name set off by commas ("The state's campaign
/// chairman, Phil Lovas, said").
pub(super) const NAME_DESCRIPTION_OPENERS: &[&str] =
    &["The", "the", "A", "a", "An", "an", "One", "one", "Another", "another", "Its", "its", "His", "his", "Her", "her", "Their", "their"];

/// Irregular past forms of cue verbs ("the official said" is a verb after an adjective).
pub(super) const PAST_CUE_FORMS: &[&str] = &["said", "told", "wrote", "thought", "felt", "knew", "saw"];
