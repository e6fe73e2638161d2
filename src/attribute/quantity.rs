//! Numbers and dates inside a claim's content: quantities with their qualifier, unit and what
//! they count; dates resolved against the publication date.

use super::*;

static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b(?:(?:(?P<day_first>\d{1,2})\s+)?(?P<month>January|February|March|April|May|June|July|August|September|October|November|December)(?:\s+(?P<day>\d{1,2}),?)?\s+(?P<year>(?:19|20)\d{2})|(?:in|since|by|from|until|before|after|of)\s+(?P<bare>(?:19|20)\d{2})\b|(?P<relative>(?:last|this|next|previous|past)\s+(?:year|month))|(?P<ago>\d{1,2}|two|three|four|five|six|ten)\s+years\s+ago)",
    )
    .expect("valid regex")
});

/// The dates written in `span`: month and year ("June 2013", "December 10, 2015", "5 May 2005"),
/// a year after a preposition ("in 2014"), and relative years and months ("last year", "five
/// years ago"), the latter resolved against `published` (`YYYY-MM-DD`). A day and month without a
/// year ("16 March") is left out: its year would be a guess.
pub fn dates(text: &str, span: Span, published: Option<&str>) -> Vec<DateRef> {
    let year_of = |p: &str| p.get(..4).and_then(|y| y.parse::<i32>().ok());
    let month_of = |p: &str| p.get(5..7).and_then(|m| m.parse::<u32>().ok());
    let mut out = Vec::new();
    for caps in DATE.captures_iter(span.of(text)) {
        let whole = caps.get(0).expect("match");
        let value = if let Some(year) = caps.name("year") {
            let month = MONTHS.iter().position(|m| *m == &caps["month"]).map(|i| i + 1).unwrap_or(1);
            Some(match caps.name("day").or(caps.name("day_first")) {
                Some(day) => format!("{}-{month:02}-{:02}", year.as_str(), day.as_str().parse::<u32>().unwrap_or(1)),
                None => format!("{}-{month:02}", year.as_str()),
            })
        } else if let Some(year) = caps.name("bare") {
            Some(year.as_str().to_string())
        } else if let Some(relative) = caps.name("relative") {
            let relative = relative.as_str().to_lowercase();
            let shift = if relative.starts_with("this") {
                0
            } else if relative.starts_with("next") {
                1
            } else {
                -1
            };
            published.and_then(|p| {
                let (year, month) = (year_of(p)?, month_of(p)?);
                if relative.ends_with("year") {
                    Some(format!("{}", year + shift))
                } else {
                    let index = year * 12 + month as i32 - 1 + shift;
                    Some(format!("{}-{:02}", index.div_euclid(12), index.rem_euclid(12) + 1))
                }
            })
        } else {
            let words = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];
            let ago = &caps["ago"];
            let n = ago.parse::<i32>().ok().or_else(|| words.iter().position(|w| *w == ago).map(|i| i as i32));
            published.and_then(|p| Some(format!("{}", year_of(p)? - n?)))
        };
        let start = span.start + whole.start();
        // "in 2014": the preposition is not part of the date.
        let start = if caps.name("bare").is_some() { span.start + caps.name("bare").expect("bare").start() } else { start };
        out.push(DateRef { span: Span::new(start, span.start + whole.end()), value });
    }
    out
}

/// A currency's name, its spellings before a number and its spellings after one.
type Currency = (&'static str, &'static [&'static str], &'static [&'static str]);

/// Currencies, each by the English name that becomes its unit, with the symbols and ISO 4217
/// codes written before a number and the words and codes written after it. A bare "$" or
/// "dollars" is read as US dollars, as news style writes other dollars with a prefix ("A$", "C$")
/// or the country's name; "pounds" are sterling.
const CURRENCIES: &[Currency] = &[
    ("US dollars", &["US$", "$", "USD"], &["US dollars", "US dollar", "dollars", "dollar", "USD"]),
    ("Australian dollars", &["AU$", "A$", "AUD"], &["Australian dollars", "Australian dollar", "AUD"]),
    ("Canadian dollars", &["CA$", "C$", "CAD"], &["Canadian dollars", "Canadian dollar", "CAD"]),
    ("Hong Kong dollars", &["HK$", "HKD"], &["Hong Kong dollars", "Hong Kong dollar", "HKD"]),
    ("New Zealand dollars", &["NZ$", "NZD"], &["New Zealand dollars", "New Zealand dollar", "NZD"]),
    ("pounds", &["£", "GBP"], &["pounds sterling", "pounds", "pound", "sterling", "GBP"]),
    ("euros", &["€", "EUR"], &["euros", "euro", "EUR"]),
    ("yuan", &["CN¥", "CNY", "RMB"], &["yuan", "renminbi", "CNY", "RMB"]),
    ("yen", &["¥", "JPY"], &["yen", "JPY"]),
    ("roubles", &["₽", "RUB"], &["roubles", "rouble", "rubles", "ruble", "RUB"]),
    ("rupees", &["₹", "INR"], &["rupees", "rupee", "INR"]),
    ("Swiss francs", &["CHF"], &["Swiss francs", "Swiss franc", "CHF"]),
];

/// Magnitudes, as powers of ten: words after a space ("3 million") and abbreviations attached to
/// the number ("£3m", "$11.1bn", "10k").
const MAGNITUDES: &[(&str, i32)] = &[
    ("hundred", 2),
    ("thousand", 3),
    ("k", 3),
    ("million", 6),
    ("mn", 6),
    ("m", 6),
    ("billion", 9),
    ("bn", 9),
    ("trillion", 12),
    ("tn", 12),
];

static QUANTITY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?:\b(?P<q>up to|about|approximately|around|roughly|nearly|almost|more than|over|at least|at most|fewer than|less than|as many as|as much as|closer to|some|from|to|between|and)\s*)?(?:(?P<cur>{})\s?)?(?P<num>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:(?P<abbr>bn|tn|mn|m|k)\b|\s*(?P<mult>million|billion|trillion|thousand|hundred)\b)?(?:\s*(?P<unit>%|(?:percentage points|percent|per cent|{}|kilograms?|kg|kilometres|kilometers|km|miles|tons|tonnes|hours|days|months|years)\b))?(?:\s+(?P<post>or more|or so|or fewer|a month|a year|a day|a week|per month|per year|per day))?",
        currency_pattern(|c| c.1),
        currency_pattern(|c| c.2),
    ))
    .expect("valid regex")
});

/// A street address after a house number: "10 Downing Street", "221B Baker Street".
static ADDRESS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[A-Z]?(?:\s+\p{Lu}[\p{L}'’.-]*){1,3}?\s+(?:Street|St|Road|Rd|Avenue|Ave|Lane|Boulevard|Drive|Place|Square|Terrace|Crescent|Close|Gardens|Row|Way)\b",
    )
    .expect("valid regex")
});

/// The numbers in `span`, with qualifier and unit.
///
/// The value has its magnitude applied ("3 million" and "£3m" are 3000000, "$11.1bn" is
/// 11100000000). Percentages ("2%", "2.5 per cent") have the unit "percent"; money has the
/// currency's English name ("US dollars", "pounds", "euros", "yen"; see `CURRENCIES`) however it
/// is written, "$", "USD" or "dollars"; other units stay as written ("km", "tonnes"). The words
/// as written are the span's. Bare years (1900-2100), the numbers of dates ("16 March", "March
/// 16", "Monday 5") and of addresses ("10 Downing Street"), ordinals ("5th") and digits inside
/// names ("G7", "Kurdistan-24") are no quantities.
pub fn quantities(text: &str, span: Span) -> Vec<Quantity> {
    // Every quantity has a digit (`\d`, a Unicode decimal digit, which `is_numeric` includes):
    // without one the regex need not run (it is slow on long text with Unicode word boundaries).
    if !span.of(text).chars().any(char::is_numeric) {
        return Vec::new();
    }
    QUANTITY.captures_iter(span.of(text)).filter_map(|caps| reading(text, span, &caps)).collect()
}

/// One match of `QUANTITY` read as a quantity, or `None` when its number is part of something
/// else (a name, date, address, ordinal or year).
fn reading(text: &str, span: Span, caps: &regex::Captures) -> Option<Quantity> {
    let at = |m: regex::Match| (span.start + m.start(), span.start + m.end());
    let num = caps.name("num")?;
    let (written, (num_start, num_end)) = (num.as_str(), at(num));
    let token_start = caps.name("cur").map_or(num_start, |c| at(c).0);
    let end = span.start + caps.get(0)?.end();
    let attached = caps.name("abbr").is_some() || caps.name("unit").is_some_and(|u| at(u).0 == num_end);
    if inside_a_name(text, token_start)
        || !attached && text[num_end..].starts_with(char::is_alphabetic)
        || in_a_date(text, num_start, num_end)
        || ADDRESS.is_match(&text[num_end..])
    {
        return None;
    }
    let currency = caps.name("cur").and_then(|c| currency(c.as_str()));
    let mut unit = caps.name("unit").map(|u| normal_unit(u.as_str())).or(currency.map(str::to_string));
    let mut magnitude = caps.name("abbr").or(caps.name("mult")).map(|m| m.as_str().to_lowercase());
    // "waves 5m high": without a currency, an "m" before a word of size is metres.
    if magnitude.as_deref() == Some("m") && currency.is_none() && is_length(&text[end..span.end]) {
        (magnitude, unit) = (None, Some("metres".to_string()));
    }
    let exponent = magnitude.as_deref().and_then(|m| MAGNITUDES.iter().find(|(w, _)| *w == m)).map_or(0, |(_, e)| *e);
    let value: f64 = format!("{}e{exponent}", written.replace(',', "")).parse().ok()?;
    let is_year = written.len() == 4 && (1900.0..=2100.0).contains(&value) && magnitude.is_none() && unit.is_none();
    if is_year {
        return None;
    }
    // "and 7" of "between 5 and 7" is no qualifier; the number's span starts at the number.
    let q = caps.name("q").filter(|q| !q.as_str().eq_ignore_ascii_case("and"));
    let mut qualifier = q.map(|q| q.as_str().to_lowercase());
    match caps.name("post").map(|p| p.as_str().to_lowercase()).as_deref() {
        Some(p @ ("or more" | "or so" | "or fewer")) => qualifier = Some(p.to_string()),
        Some(p) => unit = Some(format!("{} {p}", unit.unwrap_or_default()).trim().to_string()),
        None => {}
    }
    let begin = q.map_or(token_start, |q| at(q).0);
    Some(Quantity { value, unit, qualifier, counted: counted(&text[end..span.end]), span: Span::new(begin, end).trim(text, &[]) })
}

/// "Kurdistan-24", "G7", "COVID-19": digits inside a name are no quantity.
fn inside_a_name(text: &str, start: usize) -> bool {
    text[..start].ends_with(|c: char| c.is_alphanumeric() || c == '-')
}

/// Whether the number at `start..end` is the day of a date: after a month or weekday ("March 16",
/// "Monday 16") or before a month ("16 March", "5 May 2005", "16 Mar").
fn in_a_date(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].trim_end();
    let previous = before.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    let next = text[end..].trim_start().split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    names_one_of(previous, &MONTHS)
        || names_one_of(previous, WEEKDAYS)
        || text[end..].starts_with(char::is_whitespace) && next.starts_with(char::is_uppercase) && names_one_of(next, &MONTHS)
}

/// Whether `word` is one of `names` ("May") or a capitalized abbreviation of one ("Sept", "Mon").
fn names_one_of(word: &str, names: &[&str]) -> bool {
    let lower = word.to_lowercase();
    names.iter().any(|n| {
        n.eq_ignore_ascii_case(word) || word.len() >= 3 && n.to_lowercase().starts_with(&lower) && word.starts_with(char::is_uppercase)
    })
}

/// Whether the words after "5m" say it is a length ("5m high", "3m deep"), not five million.
fn is_length(after: &str) -> bool {
    const LENGTH_WORDS: &[&str] = &["high", "tall", "long", "wide", "deep", "away", "above", "below"];
    after.split_whitespace().next().is_some_and(|w| LENGTH_WORDS.contains(&w.trim_end_matches([',', '.', ';']).to_lowercase().as_str()))
}

/// A regex alternation of the currency spellings that `pick` chooses, longest first so that
/// "US$" wins over "$"; ISO codes match in capitals only.
fn currency_pattern(pick: fn(&Currency) -> &'static [&'static str]) -> String {
    let mut spellings: Vec<&str> = CURRENCIES.iter().flat_map(|c| pick(c).iter().copied()).collect();
    spellings.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    spellings.dedup();
    let pattern = |s: &str| if is_code(s) { format!("(?-i:{s})") } else { regex::escape(s) };
    spellings.iter().map(|s| pattern(s)).collect::<Vec<_>>().join("|")
}

/// The English name of the currency written `written` ("$", "USD", "dollars"), if one is.
fn currency(written: &str) -> Option<&'static str> {
    let written = written.trim();
    CURRENCIES
        .iter()
        .find(|(_, before, after)| {
            before.iter().chain(after.iter()).any(|s| if is_code(s) { *s == written } else { s.eq_ignore_ascii_case(written) })
        })
        .map(|(name, _, _)| *name)
}

/// An ISO 4217 code: three capital letters.
fn is_code(s: &str) -> bool {
    s.len() == 3 && s.chars().all(|c| c.is_ascii_uppercase())
}

/// A unit as written after a number, in its normal form: percentages are "percent", money its
/// currency's name, other units as written.
fn normal_unit(written: &str) -> String {
    match written.to_lowercase().as_str() {
        "%" | "percent" | "per cent" => "percent".to_string(),
        _ => currency(written).map_or_else(|| written.to_string(), str::to_string),
    }
}

/// The words right after a number that say what it counts: up to three words, stopping at a
/// preposition, conjunction, verb-like function word or punctuation.
fn counted(after: &str) -> Option<String> {
    // "80 percent of ISIS groups", "4,000 of the fighters": a share counts what follows "of".
    let after = after.trim_start();
    let after = match after.strip_prefix("of ") {
        Some(rest) => ["all the ", "the ", "those ", "these ", "its ", "their "].iter().find_map(|d| rest.strip_prefix(d)).unwrap_or(rest),
        None => after,
    };
    let mut words = Vec::new();
    for word in after.split_whitespace() {
        let clean = word.trim_end_matches([',', '.', ';', ':', '”', '"', ')']);
        let lower = clean.to_lowercase();
        if clean.is_empty()
            || COUNTED_STOPS.contains(&lower.as_str())
            || !clean.chars().all(|c| c.is_alphabetic() || c == '-' || c == '\'')
            || !clean.chars().any(char::is_alphabetic)
        {
            break;
        }
        words.push(clean);
        // "islanders opposed the cuts": a plural noun heads what is counted; a verb may follow.
        if words.len() == 3 || clean.len() != word.len() || clean.len() > 3 && is_plural(clean) {
            break;
        }
    }
    (!words.is_empty()).then(|| words.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_resolve_against_the_publication_date() {
        let text = "In June 2013, when Moscow first said so, and last year, and in 2014, and two years ago.";
        let found: Vec<(String, Option<String>)> =
            dates(text, Span::new(0, text.len()), Some("2015-12-10")).into_iter().map(|d| (d.span.of(text).to_string(), d.value)).collect();
        assert_eq!(
            found,
            vec![
                ("June 2013".to_string(), Some("2013-06".to_string())),
                ("last year".to_string(), Some("2014".to_string())),
                ("2014".to_string(), Some("2014".to_string())),
                ("two years ago".to_string(), Some("2013".to_string())),
            ]
        );
        assert_eq!(dates("last month", Span::new(0, 10), None)[0].value, None);
        let text = "on 5 May 2005 and on Monday 16 March 2026";
        let found: Vec<(&str, Option<String>)> =
            dates(text, Span::new(0, text.len()), None).into_iter().map(|d| (d.span.of(text), d.value)).collect();
        assert_eq!(found, vec![("5 May 2005", Some("2005-05-05".to_string())), ("16 March 2026", Some("2026-03-16".to_string()))]);
    }

    #[test]
    fn quantities_know_what_they_count() {
        let text = "the FSB estimate of 2,400 Russian nationals is exaggerated, and 50 containers.";
        let found = quantities(text, Span::new(0, text.len()));
        assert_eq!(found[0].counted.as_deref(), Some("Russian nationals"));
        assert_eq!(found[1].counted.as_deref(), Some("containers"));
        let text = "up to 80 percent of ISIS groups in Syria, 4,000 of the fighters, 400 of those recruits and 20 of them.";
        let found: Vec<Option<String>> = quantities(text, Span::new(0, text.len())).into_iter().map(|q| q.counted).collect();
        assert_eq!(found, vec![Some("ISIS groups".into()), Some("fighters".into()), Some("recruits".into()), None]);
    }

    fn check(text: &str) -> Vec<(f64, Option<String>, Option<String>, String)> {
        quantities(text, Span::new(0, text.len()))
            .into_iter()
            .map(|q| (q.value, q.unit, q.qualifier, q.span.of(text).to_string()))
            .collect()
    }

    #[test]
    fn quantities_keep_qualifier_and_unit() {
        assert_eq!(check("up to 80 percent of groups")[0], (80.0, Some("percent".into()), Some("up to".into()), "up to 80 percent".into()));
        assert_eq!(check("4,000 or more")[0].2.as_deref(), Some("or more"));
        assert_eq!(check("paid 5,000 US dollars a month")[0].1.as_deref(), Some("US dollars a month"));
        let range = check("has risen from 900 to 1200 over");
        assert_eq!(range.len(), 2);
        assert_eq!(range[0].2.as_deref(), Some("from"));
        assert_eq!(range[1].2.as_deref(), Some("to"));
        assert!(check("in June 2013 it").is_empty());
        assert!(check("on September 2 -- was").is_empty());
        assert!(check("the Kurdistan-24 news agency").is_empty());
        assert_eq!(check("about 3 million people")[0].0, 3e6);
    }

    #[test]
    fn percent_signs_and_per_cent_are_percent() {
        assert_eq!(check("prices rose 2%, the bank said"), vec![(2.0, Some("percent".into()), None, "2%".into())]);
        assert_eq!(check("up to 2.5 per cent of it")[0], (2.5, Some("percent".into()), Some("up to".into()), "up to 2.5 per cent".into()));
        assert_eq!(check("a 3 % rise")[0].1.as_deref(), Some("percent"));
        assert_eq!(quantities("rise by 2% next year", Span::new(0, 20))[0].counted, None);
        assert_eq!(check("rose 0.4 percentage points")[0].1.as_deref(), Some("percentage points"));
    }

    #[test]
    fn currencies_are_named_and_magnitudes_applied() {
        let money =
            |text: &str| check(text).into_iter().map(|(value, unit, _, span)| (value, unit.unwrap_or_default(), span)).collect::<Vec<_>>();
        assert_eq!(money("worth $11.1bn last year"), vec![(11.1e9, "US dollars".into(), "$11.1bn".into())]);
        assert_eq!(money("would cost £3m, he said"), vec![(3e6, "pounds".into(), "£3m".into())]);
        assert_eq!(money("for USD 45 million"), vec![(45e6, "US dollars".into(), "USD 45 million".into())]);
        assert_eq!(money("a €2.5 trillion plan"), vec![(2.5e12, "euros".into(), "€2.5 trillion".into())]);
        assert_eq!(money("a ¥500bn stimulus"), vec![(500e9, "yen".into(), "¥500bn".into())]);
        assert_eq!(money("raised A$20m"), vec![(20e6, "Australian dollars".into(), "A$20m".into())]);
        assert_eq!(money("about 300 EUR each"), vec![(300.0, "euros".into(), "about 300 EUR".into())]);
        assert_eq!(money("paid 40 million dollars"), vec![(40e6, "US dollars".into(), "40 million dollars".into())]);
        assert_eq!(money("a 7.4bn Australian dollar bid"), vec![(7.4e9, "Australian dollars".into(), "7.4bn Australian dollar".into())]);
        assert_eq!(money("a 1.2tn debt"), vec![(1.2e12, "".into(), "1.2tn".into())]);
        assert_eq!(check("some 10k runners")[0].0, 1e4);
        assert_eq!(check("waves 5m high"), vec![(5.0, Some("metres".into()), None, "5m".into())]);
        assert_eq!(check("300 gbp")[0].1, None, "codes are capitals");
    }

    #[test]
    fn numbers_in_dates_are_no_quantities() {
        for text in
            ["on 16 March it", "on March 16 it", "by 5 May 2005", "on Monday 16, when", "by 16 Mar.", "on Tuesday, 5 May", "the 5th time"]
        {
            assert_eq!(check(text), vec![], "{text}");
        }
        // "may" the verb is no month.
        assert_eq!(check("of those, 5 may leave")[0].0, 5.0);
    }

    #[test]
    fn numbers_in_addresses_are_no_quantities() {
        for text in ["marched to 10 Downing Street", "lived at 221B Baker Street", "from 1600 Pennsylvania Avenue", "at 14 Harbour St."] {
            assert_eq!(check(text), vec![], "{text}");
        }
    }

    #[test]
    fn plain_counts_stay_counts() {
        let found = quantities("about 300 members marched", Span::new(0, 25));
        assert_eq!((found[0].value, found[0].unit.as_deref(), found[0].counted.as_deref()), (300.0, None, Some("members")));
        assert!(check("the G7 and COVID-19 and the 1990s").is_empty());
    }
}
