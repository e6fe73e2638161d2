"""Queries a running `hearsay serve` with real SPARQL clients: SPARQLWrapper and rdflib.

Usage: python3 tests/clients/sparql_clients.py http://127.0.0.1:PORT/
Run by tests/it/serve.rs against a store ingested from examples/articles; prints what the
clients received and exits non-zero when a check fails.
"""
import sys
import urllib.error

from rdflib import Graph, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import CSV, JSON, POST, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed, SPARQLWrapperException

base = sys.argv[1].rstrip("/")
endpoint = base + "/sparql"
WHO_CITED_WHOM = """
SELECT ?reporter ?source (COUNT(*) AS ?claims) WHERE {
  ?claim prov:wasAttributedTo ?s ; hs:reportedBy ?r .
  ?s skos:prefLabel ?source . ?r skos:prefLabel ?reporter .
} GROUP BY ?reporter ?source ORDER BY DESC(?claims) ?reporter ?source"""


def check(condition, message):
    if not condition:
        print("FAILED:", message)
        sys.exit(1)


def sparqlwrapper_select():
    client = SPARQLWrapper(endpoint)
    client.setQuery(WHO_CITED_WHOM)
    client.setReturnFormat(JSON)
    rows = client.query().convert()["results"]["bindings"]
    pairs = [(r["reporter"]["value"], r["source"]["value"], r["claims"]["value"]) for r in rows]
    print("SPARQLWrapper JSON who-cited-whom:", pairs[:3])
    check(any(p[:2] == ("Tomas Brandt", "Baltic Freight Institute") for p in pairs), "Tomas Brandt cites the Baltic Freight Institute")
    client.setMethod(POST)
    client.setReturnFormat(XML)
    xml = client.query().convert()
    check(len(xml.getElementsByTagName("result")) == len(rows), "XML over POST has the same rows as JSON over GET")
    client.setReturnFormat(CSV)
    csv = client.query().convert().decode("utf-8")
    print("SPARQLWrapper CSV first lines:", csv.splitlines()[:2])
    check(csv.startswith("reporter,source,claims"), "CSV header")


def sparqlwrapper_graph_and_errors():
    client = SPARQLWrapper(endpoint)
    client.setQuery("CONSTRUCT { ?a hs:cites ?b } WHERE { ?a hs:cites ?b }")
    client.setReturnFormat(TURTLE)
    graph = Graph().parse(data=client.query().convert(), format="turtle")
    print("SPARQLWrapper CONSTRUCT as Turtle:", len(graph), "triples")
    check(len(graph) > 10, "the citation graph has triples")
    client.setQuery("ASK { ?p a schema:Person }")
    client.setReturnFormat(JSON)
    check(client.query().convert()["boolean"] is True, "ASK")
    client.setQuery("SELECT ?x WHERE { ?x ?y }")
    try:
        client.query()
        check(False, "a bad query is refused")
    except QueryBadFormed as e:
        print("SPARQLWrapper bad query:", str(e).splitlines()[-1][:120])
        check("1:" in str(e), "the message gives line:column")
    client.setMethod(POST)
    client.setQuery("INSERT DATA { GRAPH <http://example.org/g> { <http://example.org/a> <http://example.org/b> 1 } }")
    try:
        client.query()
        check(False, "an update is refused")
    except urllib.error.HTTPError as e:
        print("SPARQLWrapper update:", e.code, e.read().decode("utf-8").strip())
        check(e.code == 403, "a read-only server answers 403")
    except SPARQLWrapperException as e:
        check(False, f"an update is refused with 403, not {type(e).__name__}")


def rdflib_store():
    store = SPARQLStore(endpoint, returnFormat="json")
    rows = list(store.query("SELECT ?name WHERE { ?p a <http://schema.org/Person> ; <http://www.w3.org/2004/02/skos/core#prefLabel> ?name } ORDER BY ?name LIMIT 3"))
    print("rdflib SPARQLStore:", [str(r.name) for r in rows])
    check(len(rows) == 3, "rdflib reads three names")
    graph = Graph().parse(base + "/store?graph=" + sys.argv[2], format="turtle") if len(sys.argv) > 2 else None
    if graph is not None:
        print("rdflib Graph Store read:", len(graph), "triples")
        check((URIRef(sys.argv[2]), None, None) in graph, "the article's graph describes the article")


sparqlwrapper_select()
sparqlwrapper_graph_and_errors()
rdflib_store()
print("all client checks passed")
