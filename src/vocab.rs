//! Constants for every RDF term hearsay writes, one submodule per namespace.
//!
//! Standard vocabularies come first (schema.org, PROV-O, W3C ORG, SKOS, NIF 2.0, ITS, Dublin
//! Core, WGS84); `hs` holds hearsay's own terms, each declared with a label and a comment in
//! `ontology/hearsay.ttl`. A test keeps this module and the ontology in step. The `hs` namespace
//! shown here is the default; `rdf::Iris` moves it under another base IRI when asked.

macro_rules! namespace {
    ($(#[$doc:meta])* $module:ident, $iri:literal, { $($(#[$tdoc:meta])* $name:ident = $local:literal),* $(,)? }) => {
        $(#[$doc])*
        pub mod $module {
            use oxigraph::model::NamedNodeRef;
            /// The namespace IRI.
            pub const NAMESPACE: &str = $iri;
            $(
                $(#[$tdoc])*
                pub const $name: NamedNodeRef<'static> = NamedNodeRef::new_unchecked(concat!($iri, $local));
            )*
            /// Every term of this namespace that hearsay uses.
            pub const ALL: &[NamedNodeRef<'static>] = &[$($name),*];
        }
    };
}

namespace!(
    /// schema.org.
    schema, "http://schema.org/", {
    /// A news article.
    NEWS_ARTICLE = "NewsArticle",
    /// A person.
    PERSON = "Person",
    /// An organization.
    ORGANIZATION = "Organization",
    /// A place.
    PLACE = "Place",
    /// A claim.
    CLAIM = "Claim",
    /// A quantity with unit.
    QUANTITATIVE_VALUE = "QuantitativeValue",
    /// An article's headline.
    HEADLINE = "headline",
    /// An article's author.
    AUTHOR = "author",
    /// An article's editor.
    EDITOR = "editor",
    /// An article's publisher.
    PUBLISHER = "publisher",
    /// Publication date.
    DATE_PUBLISHED = "datePublished",
    /// An article's URL, as its input gave it.
    URL = "url",
    /// An entity the article mentions.
    MENTIONS = "mentions",
    /// A claim's text.
    TEXT = "text",
    /// The article a claim appears in.
    APPEARANCE = "appearance",
    /// A quantity's value.
    VALUE = "value",
    /// A quantity's unit.
    UNIT_TEXT = "unitText",
    /// A person's role.
    JOB_TITLE = "jobTitle",
    /// An honorific before a person's name ("Sir", "Dr").
    HONORIFIC_PREFIX = "honorificPrefix",
    /// Where an organization is based.
    LOCATION = "location",
    /// Where a person is from or based.
    HOME_LOCATION = "homeLocation",
    /// An organization's parent.
    PARENT_ORGANIZATION = "parentOrganization",
    /// An equivalent resource elsewhere (GeoNames).
    SAME_AS = "sameAs",
    /// What a quantity counts.
    DESCRIPTION = "description",
    /// A reader comment.
    COMMENT = "Comment",
    /// The item a comment is on.
    PARENT_ITEM = "parentItem",
});

namespace!(
    /// PROV-O.
    prov, "http://www.w3.org/ns/prov#", {
    /// Who made a claim.
    WAS_ATTRIBUTED_TO = "wasAttributedTo",
    /// A statement reports another statement in indirect speech.
    WAS_DERIVED_FROM = "wasDerivedFrom",
    /// A statement reports another statement word for word.
    WAS_QUOTED_FROM = "wasQuotedFrom",
});

namespace!(
    /// The W3C Organization Ontology.
    org, "http://www.w3.org/ns/org#", {
    /// Membership.
    MEMBER_OF = "memberOf",
    /// Leadership.
    HEAD_OF = "headOf",
    /// A membership with a role.
    MEMBERSHIP = "Membership",
    /// The member of a membership.
    MEMBER = "member",
    /// The organization of a membership.
    ORGANIZATION = "organization",
    /// The role of a membership.
    ROLE = "role",
});

namespace!(
    /// SKOS.
    skos, "http://www.w3.org/2004/02/skos/core#", {
    /// Preferred name.
    PREF_LABEL = "prefLabel",
    /// Other name.
    ALT_LABEL = "altLabel",
    /// A label's lower-cased form, the key `load::find` looks names up by.
    HIDDEN_LABEL = "hiddenLabel",
});

namespace!(
    /// NIF 2.0 Core.
    nif, "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#", {
    /// The whole text of an article.
    CONTEXT = "Context",
    /// A substring.
    STRING = "String",
    /// A substring addressed by an RFC 5147 fragment.
    RFC5147_STRING = "RFC5147String",
    /// The text of a context.
    IS_STRING = "isString",
    /// First code point of a substring.
    BEGIN_INDEX = "beginIndex",
    /// One past the last code point of a substring.
    END_INDEX = "endIndex",
    /// The characters of a substring.
    ANCHOR_OF = "anchorOf",
    /// The context a substring belongs to.
    REFERENCE_CONTEXT = "referenceContext",
});

namespace!(
    /// Internationalization Tag Set.
    itsrdf, "http://www.w3.org/2005/11/its/rdf#", {
    /// The entity a mention refers to.
    TA_IDENT_REF = "taIdentRef",
});

namespace!(
    /// Dublin Core terms.
    dcterms, "http://purl.org/dc/terms/", {
    /// Content id.
    IDENTIFIER = "identifier",
    /// The path an article was read from.
    SOURCE = "source",
    /// A nested claim's parent.
    IS_PART_OF = "isPartOf",
    /// The time a claim is about.
    TEMPORAL = "temporal",
});

namespace!(
    /// WGS84 Basic Geo.
    geo, "http://www.w3.org/2003/01/geo/wgs84_pos#", {
    /// Latitude.
    LAT = "lat",
    /// Longitude.
    LONG = "long",
});

namespace!(
    /// hearsay's own terms (default namespace).
    hs, "https://w3id.org/hearsay/ontology#", {
    /// A name's mention in an article.
    MENTION = "Mention",
    /// A pronoun or description that stands for an entity.
    REFERENCE = "Reference",
    /// A pronoun or description whose entity hearsay could not find.
    UNRESOLVED_REFERENCE = "UnresolvedReference",
    /// A claim's cue words.
    CUE = "cue",
    /// The class of a claim's cue.
    CUE_CLASS = "cueClass",
    /// The span of a claim's content.
    CONTENT_SPAN = "contentSpan",
    /// The span of a claim's cue.
    CUE_SPAN = "cueSpan",
    /// The span of a claim's source.
    SOURCE_SPAN = "sourceSpan",
    /// Who passed a claim on to the article.
    REPORTED_BY = "reportedBy",
    /// A reporter cites a source.
    CITES = "cites",
    /// Whether a claim is a direct quotation.
    DIRECT = "direct",
    /// Whether a claim's cue is negated ("did not say").
    NEGATED = "negated",
    /// A number a claim states.
    QUANTITY = "quantity",
    /// A quantity's qualifier.
    QUALIFIER = "qualifier",
    /// The span of a quantity.
    SPAN = "span",
    /// The whole text of an article.
    CONTEXT = "context",
    /// The rule that found or typed a mention.
    RULE = "rule",
    /// An article's claims as one JSON literal, for reading them in one lookup.
    CLAIM_SUMMARY = "claimSummary",
});

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::io::{RdfFormat, RdfParser};
    use oxigraph::model::{NamedNodeRef, Term, TermRef};

    fn ontology() -> Vec<oxigraph::model::Triple> {
        let ttl = include_str!("../ontology/hearsay.ttl");
        RdfParser::from_format(RdfFormat::Turtle).for_slice(ttl.as_bytes()).map(|q| q.expect("ontology parses").into()).collect()
    }

    #[test]
    fn every_own_term_is_declared_with_label_and_comment() {
        let triples = ontology();
        let has = |s: NamedNodeRef<'_>, p: &str| triples.iter().any(|t| t.subject.as_ref() == s.into() && t.predicate.as_str() == p);
        for term in hs::ALL {
            assert!(has(*term, "http://www.w3.org/2000/01/rdf-schema#label"), "{term} has no rdfs:label");
            assert!(has(*term, "http://www.w3.org/2000/01/rdf-schema#comment"), "{term} has no rdfs:comment");
        }
    }

    #[test]
    fn ontology_declares_no_own_term_missing_here() {
        for t in ontology() {
            if let oxigraph::model::NamedOrBlankNode::NamedNode(s) = &t.subject {
                if s.as_str().starts_with(hs::NAMESPACE) && s.as_str() != hs::NAMESPACE.trim_end_matches('#') {
                    assert!(hs::ALL.iter().any(|x| x.as_str() == s.as_str()), "{s} is in the ontology but not in vocab::hs");
                }
            }
        }
    }

    #[test]
    fn standard_terms_the_ontology_reuses_are_in_vocab() {
        // Every standard term the ontology names as a domain, range or superproperty is one we use.
        let all: Vec<NamedNodeRef<'_>> =
            [schema::ALL, prov::ALL, org::ALL, skos::ALL, nif::ALL, itsrdf::ALL, dcterms::ALL, geo::ALL, hs::ALL].concat();
        for t in ontology() {
            if let Term::NamedNode(o) = &t.object {
                let standard = [schema::NAMESPACE, prov::NAMESPACE, org::NAMESPACE, nif::NAMESPACE];
                if standard.iter().any(|ns| o.as_str().starts_with(ns)) && t.predicate.as_str().ends_with("range") {
                    assert!(all.iter().any(|x| TermRef::from(*x) == o.as_ref().into()), "{o} is not in vocab");
                }
            }
        }
    }
}
