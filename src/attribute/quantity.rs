//! Numbers and dates inside a claim's content: quantities with their qualifier, unit and what
//! they count; dates resolved against the publication date.

use super::*;

static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b(?:(?P<month>January|February|March|April|May|June|July|August|September|October|November|December)(?:\s+(?P<day>\d{1,2}),?)?\s+(?P<year>(?:19|20)\d{2})|(?:in|since|by|from|until|before|after|of)\s+(?P<bare>(?:19|20)\d{2})\b|(?P<relative>(?:last|this|next|previous|past)\s+(?:year|month))|(?P<ago>\d{1,2}|two|three|four|five|six|ten)\s+years\s+ago)",
    )
    .expect("valid regex")
});

/// The dates written in `span`: month and year ("June 2013", "December 10, 2015"), a year after a
/// preposition ("in 2014"), and relative years and months ("last year", "five years ago"), the
/// latter resolved against `published` (`YYYY-MM-DD`).
pub fn dates(text: &str, span: Span, published: Option<&str>) -> Vec<DateRef> {
    let year_of = |p: &str| p.get(..4).and_then(|y| y.parse::<i32>().ok());
    let month_of = |p: &str| p.get(5..7).and_then(|m| m.parse::<u32>().ok());
    let mut out = Vec::new();
    for caps in DATE.captures_iter(span.of(text)) {
        let whole = caps.get(0).expect("match");
        let value = if let Some(year) = caps.name("year") {
            let month = MONTHS.iter().position(|m| *m == &caps["month"]).map(|i| i + 1).unwrap_or(1);
            Some(match caps.name("day") {
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

static QUANTITY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?P<q>up to|about|approximately|around|roughly|nearly|almost|more than|over|at least|at most|fewer than|less than|as many as|as much as|closer to|some|from|to|between|and)?\s*(?P<cur>[$€£])?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s*(?P<mult>million|billion|thousand|hundred)\b)?(?:\s*(?P<unit>percentage points|percent|per cent|%|US dollars|dollars|euros|rubles|roubles|pounds|kilograms?|kg|kilometres|kilometers|km|miles|tons|tonnes|hours|days|months|years)\b)?(?:\s+(?P<post>or more|or so|or fewer|a month|a year|a day|a week|per month|per year|per day))?",
    )
    .expect("valid regex")
});

/// The numbers in `span`, with qualifier and unit. Bare years (1900-2100) are dates, not
/// quantities.
pub fn quantities(text: &str, span: Span) -> Vec<Quantity> {
    let mut out = Vec::new();
    for caps in QUANTITY.captures_iter(span.of(text)) {
        let whole = caps.get(0).expect("match");
        let num = &caps["num"];
        // "Kurdistan-24", "G7", "COVID-19": digits inside a name are no quantity.
        let num_start = span.start + caps.name("num").expect("num").start();
        if text[..num_start].ends_with(|c: char| c.is_alphanumeric() || c == '-') {
            continue;
        }
        // "September 2", "June 2013": dates.
        let before = text[..num_start].trim_end();
        let previous_word = before.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
        if MONTHS.iter().any(|m| {
            m.eq_ignore_ascii_case(previous_word)
                || previous_word.len() >= 3
                    && m.to_lowercase().starts_with(&previous_word.to_lowercase())
                    && previous_word.chars().next().is_some_and(char::is_uppercase)
        }) {
            continue;
        }
        let mut value: f64 = match num.replace(',', "").parse() {
            Ok(v) => v,
            Err(_) => continue,
        };
        let unit_word = caps.name("unit").map(|u| u.as_str().to_string());
        let mult = caps.name("mult").map(|m| m.as_str().to_lowercase());
        let is_year = num.len() == 4
            && !num.contains(',')
            && (1900.0..=2100.0).contains(&value)
            && unit_word.is_none()
            && mult.is_none()
            && caps.name("cur").is_none();
        if is_year {
            continue;
        }
        value *= match mult.as_deref() {
            Some("million") => 1e6,
            Some("billion") => 1e9,
            Some("thousand") => 1e3,
            Some("hundred") => 1e2,
            _ => 1.0,
        };
        let currency = caps.name("cur").map(|c| match c.as_str() {
            "$" => "dollars",
            "€" => "euros",
            _ => "pounds",
        });
        let post = caps.name("post").map(|p| p.as_str().to_lowercase());
        let mut unit = unit_word.or(currency.map(str::to_string)).map(|u| if u == "%" { "percent".to_string() } else { u });
        let mut qualifier = caps.name("q").map(|q| q.as_str().to_lowercase()).filter(|q| q != "and");
        match post.as_deref() {
            Some(p @ ("or more" | "or so" | "or fewer")) => qualifier = Some(p.to_string()),
            Some(p) => unit = Some(format!("{} {p}", unit.unwrap_or_default()).trim().to_string()),
            None => {}
        }
        let start = caps.name("q").or(caps.name("cur")).unwrap_or_else(|| caps.name("num").expect("num"));
        let start = if caps.name("q").is_some_and(|q| q.as_str().eq_ignore_ascii_case("and")) {
            caps.name("cur").unwrap_or_else(|| caps.name("num").expect("num"))
        } else {
            start
        };
        let begin = span.start + start.start();
        let end = span.start + whole.end();
        out.push(Quantity { value, unit, qualifier, counted: counted(&text[end..span.end]), span: Span::new(begin, end).trim(text, &[]) });
    }
    out
}

/// The words right after a number that say what it counts: up to three words, stopping at a
/// preposition, conjunction, verb-like function word or punctuation.
fn counted(after: &str) -> Option<String> {
    const STOP: &[&str] = &[
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
            || STOP.contains(&lower.as_str())
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
}
