#!/usr/bin/env bash
# The BBC corpus into a fresh Virtuoso through hearsay, against the embedded store: ingest times,
# statistics, `trace "Tony Blair"` and `diagram entity "Tony Blair"` from both (compared byte for
# byte), and the citation network as
# GEXF read by networkx. Usage: scripts/bench_remote.sh [HEARSAY_BINARY] [CORPUS]
set -u
H=${1:-target/release/hearsay}
CORPUS=${2:-../shared/data/bbc-news}
B=$(mktemp -d)
mkdir -p "$B/virt"
cat > "$B/virt/virtuoso.ini" <<INI
[Database]
DatabaseFile = $B/virt/virtuoso.db
ErrorLogFile = $B/virt/virtuoso.log
LockFile = $B/virt/virtuoso.lck
TransactionFile = $B/virt/virtuoso.trx
xa_persistent_file = $B/virt/virtuoso.pxa
[TempDatabase]
DatabaseFile = $B/virt/virtuoso-temp.db
TransactionFile = $B/virt/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:21112
DisableUnixSocket = 1
NumberOfBuffers = 20000
MaxDirtyBuffers = 15000
MaxMemPoolSize = 2000000000
DirsAllowed = .
[HTTPServer]
ServerPort = 127.0.0.1:28891
ServerRoot = /var/lib/virtuoso-opensource-7/vsp
ServerThreads = 10
MaxClientConnections = 10
[SPARQL]
ResultSetMaxRows = 1000000000
MaxQueryExecutionTime = 0
MaxQueryCostEstimationTime = 0
INI
(cd "$B/virt" && virtuoso-t -c virtuoso.ini +wait)
V=http://127.0.0.1:28891/sparql
echo "load: $(uptime)"
/usr/bin/time -f 'virtuoso ingest wall %e s, peak %M KB' env HEARSAY_STORE_USER=dba HEARSAY_STORE_PASSWORD=dba "$H" ingest -q --store $V "$CORPUS"
"$H" stats --store $V
/usr/bin/time -f 'embedded ingest wall %e s, peak %M KB' "$H" ingest -q --store "$B/emb" "$CORPUS"
"$H" stats --store "$B/emb"
/usr/bin/time -f 'trace from virtuoso %e s' "$H" trace "Tony Blair" --store $V > "$B/trace-virtuoso.txt"
/usr/bin/time -f 'trace from embedded %e s' "$H" trace "Tony Blair" --store "$B/emb" > "$B/trace-embedded.txt"
cmp "$B/trace-virtuoso.txt" "$B/trace-embedded.txt" && echo "traces identical: $(wc -l < "$B/trace-embedded.txt") lines"
/usr/bin/time -f 'diagram entity from virtuoso %e s' "$H" diagram entity "Tony Blair" --store $V > "$B/diagram-virtuoso.dot"
/usr/bin/time -f 'diagram entity from embedded %e s' "$H" diagram entity "Tony Blair" --store "$B/emb" > "$B/diagram-embedded.dot"
cmp "$B/diagram-virtuoso.dot" "$B/diagram-embedded.dot" && echo "diagrams identical: $(grep -c -- '->' "$B/diagram-embedded.dot") edges"
"$H" network citations --format gexf --store "$B/emb" > "$B/citations.gexf"
python3 -c "import networkx as nx; g = nx.read_gexf('$B/citations.gexf'); print('networkx:', g.number_of_nodes(), 'nodes', g.number_of_edges(), 'edges')"
isql-vt 21112 dba dba exec="shutdown;" >/dev/null 2>&1
echo "files in $B"
