//! Article-level passes over quotation marks: finding quotations, speaker labels ("NAME:"),
//! quotations introduced by a frame, signed and continued quotations, nesting of claims inside
//! other claims' contents, and reader comments.

use super::*;
use crate::text::SpanIndex;
use std::collections::{BTreeMap, BTreeSet};

/// Verbs that open a label before the speaker's name ("Said Ellis: ...", "Added Ms Ruiz, ...").
const INVERTED_LABELS: &[&str] = &["Said", "Says", "Added", "Adds", "Wrote", "Writes"];

/// The speaker a quotation continues: the source, its words, the reporter and the parent claim.
type Speaker = (Option<usize>, Option<Span>, Option<usize>, Option<usize>);

impl<'a> Attributor<'a> {
    /// Pairs quotation marks paragraph by paragraph; an unpaired mark is a diagnostic. The
    /// quotations come out disjoint and in text order.
    pub(super) fn quotes(&mut self) -> Vec<Quote> {
        let text = self.text();
        let mut out = Vec::new();
        for paragraph in &self.r.segmented.paragraphs {
            let mut open: Option<(usize, char, usize)> = None;
            let body = paragraph.of(text);
            let mut chars = body.char_indices().peekable();
            while let Some((offset, c)) = chars.next() {
                let at = paragraph.start + offset;
                // Typewriter marks: '' (either side) reads as ", `` as an opening "; of three
                // after a word, the last two (`segment` splits them so).
                let closes_single =
                    c == '\'' && body[offset..].starts_with("'''") && offset > 0 && !body[..offset].ends_with(char::is_whitespace);
                let (c, width) = match c {
                    _ if closes_single => (c, 1),
                    '\'' | '`' if chars.peek().is_some_and(|&(_, n)| n == c) => {
                        chars.next();
                        (if c == '`' { '“' } else { '"' }, 2)
                    }
                    _ => (c, c.len_utf8()),
                };
                // A mark that opens a sentence inside an open quotation ('... Poms. "Stop going
                // ...'): news text that ran its paragraphs together keeps the mark that opens each
                // quoted paragraph. The open quotation ends before it and a new one starts.
                if let Some((start, _, w)) = open.filter(|_| matches!(c, '“' | '"') && restarts(body, offset, width)) {
                    let inner = Span::new(start + w, at).trim(text, &[]);
                    out.push(Quote { inner, outer: Span::new(start, inner.end) });
                    open = Some((at, c, width));
                    continue;
                }
                match (c, open) {
                    ('“' | '«' | '"', None) => open = Some((at, c, width)),
                    // Web text mixes its marks ('“We will win," Trump said'): a straight mark
                    // closes a curly one and the other way round.
                    ('”', Some((start, '“' | '"', w))) | ('»', Some((start, '«', w))) | ('"', Some((start, '"' | '“', w))) => {
                        let inner = Span::new(start + w, at);
                        let outer = Span::new(start, at + width);
                        if !inner.trim(text, &[]).is_empty() {
                            out.push(Quote { inner, outer });
                        }
                        open = None;
                    }
                    ('“', Some(_)) => {
                        self.diagnostics.push(Diagnostic {
                            span: Some(Span::new(at, at + width)),
                            message: "quotation mark opened inside an open quotation".into(),
                        });
                        open = Some((at, c, width));
                    }
                    _ => {}
                }
            }
            if let Some((start, _, width)) = open {
                self.open_at_paragraph_end(*paragraph, start, width, &mut out);
            }
        }
        out
    }

    /// A quotation still open when its paragraph ends, its mark at `start`: it runs on into the
    /// next paragraph by news convention when that paragraph opens with a mark; otherwise the
    /// mark is unbalanced.
    fn open_at_paragraph_end(&mut self, paragraph: Span, start: usize, width: usize, out: &mut Vec<Quote>) {
        let text = self.text();
        let next = self.r.segmented.paragraphs.iter().find(|p| p.start > paragraph.end);
        let continues =
            next.is_some_and(|p| p.of(text).starts_with(['“', '"']) || p.of(text).starts_with("''") || p.of(text).starts_with("``"));
        if continues {
            let inner = Span::new(start + width, paragraph.end);
            out.push(Quote { inner, outer: Span::new(start, paragraph.end) });
        } else {
            self.diagnostics.push(Diagnostic { span: Some(Span::new(start, start + width)), message: "unbalanced quotation mark".into() });
        }
    }

    /// Reader comments: each is a claim by its commenter, in their own words.
    pub(super) fn comments(&mut self) {
        for comment in &self.r.segmented.article.meta.comments {
            let source = self.r.mention_at(comment.author);
            self.claims.push(Claim {
                content: comment.text,
                cue: None,
                source,
                source_span: Some(comment.author),
                reported_by: None,
                parent: None,
                direct: true,
                negated: false,
                quantities: Vec::new(),
                comment: true,
                dates: Vec::new(),
            });
        }
    }

    /// Quotations introduced by a name and a colon inside a paragraph ("... - HuffPollster:
    /// “...”", "Here's Clinton in December 1992: “...”", "More from the report: “...”"): words
    /// without a verb since the last sentence end or dash name the source.
    pub(super) fn introduced_quotes(&mut self, quotes: &[Quote]) {
        let mut contents = Contents::of(&self.claims);
        for q in quotes {
            let open = self.token_at(q.outer.start);
            if open < 2 || !matches!(self.word(open - 1), ":" | ",") || contents.overlap(q.inner) {
                continue;
            }
            let colon = open - 1;
            let start = (colon.saturating_sub(9)..colon)
                .rev()
                .find(|&k| {
                    matches!(self.word(k), "”" | "\"" | "''" | ";")
                        || is_terminal(self.word(k))
                        || is_dash(self.word(k))
                        || self.is_paragraph_start(k)
                })
                .map_or(colon.saturating_sub(9), |k| if self.is_paragraph_start(k) && !is_dash(self.word(k)) { k } else { k + 1 });
            // "Said Comey, "...": a comma introduces only after an inverted verb.
            if start >= colon || colon - start > 8 || self.word(colon) == "," && !INVERTED_LABELS.contains(&self.word(start)) {
                continue;
            }
            let verbless = (start..colon).all(|k| {
                let w = self.word(k);
                !(FINITE.contains(&w)
                    || matches!(w, "has" | "have" | "had" | "said" | "says")
                    || w.starts_with(char::is_lowercase) && self.lex.cue(w).is_some() && !document_noun(w))
            });
            let names = self.span(start, colon);
            let source = self.r.mentions_in(names).into_iter().rev().find(|&m| self.r.mentions[m].kind != EntityType::Place);
            let document = (start..colon).any(|k| document_noun(self.word(k)));
            // "HuffPollster:", "Frank Newport and Jim Harter:": a name the recognizer missed.
            let named = colon - start <= 4 && (start..colon).all(|k| self.word(k).starts_with(char::is_uppercase) || self.word(k) == "and");
            if !verbless || source.is_none() && !document && !named {
                continue;
            }
            let (cue, names) = self.label_cue(start, colon);
            let source_span = source.map_or(names, |m| self.r.mentions[m].span);
            let content = q.inner.trim(self.text(), &[',', '.', ' ']);
            let claims = self.claims.len();
            self.push(content, Some(cue), source, Some(source_span), true);
            if self.claims.len() > claims {
                contents.add(content);
            }
        }
    }

    /// The cue and the name of a label from token `start` to its colon: the colon, or an
    /// inverted verb opening the label ("Said Ellis: ...").
    pub(super) fn label_cue(&self, start: usize, colon: usize) -> (Cue, Span) {
        match self.word(start) {
            w if INVERTED_LABELS.contains(&w) && colon > start + 1 => (
                Cue { span: self.tokens()[start].span, lemma: self.word(start).to_lowercase(), class: "say".into() },
                self.span(start + 1, colon),
            ),
            _ => (Cue { span: self.tokens()[colon].span, lemma: ":".into(), class: "say".into() }, self.span(start, colon)),
        }
    }

    /// Whether token `k` opens a paragraph.
    pub(super) fn is_paragraph_start(&self, k: usize) -> bool {
        let start = self.tokens()[k].span.start;
        let paragraphs = &self.r.segmented.paragraphs;
        let i = paragraphs.partition_point(|p| p.start < start);
        i < paragraphs.len() && paragraphs[i].start == start
    }

    /// Speaker labels of transcripts and pull quotes: a paragraph (or a quotation opening it)
    /// that starts with one to three capitalized words and a colon ("WALLACE: Let's start",
    /// "Trump: 'We will win'"). The colon is the cue; the rest of the paragraph is the content.
    pub(super) fn speaker_labels(&mut self) {
        let text = self.text();
        for p in self.r.segmented.paragraphs.clone() {
            let first = self.token_at(p.start);
            let mut k = first;
            if k < self.tokens().len() && self.is_quote_open(k) {
                k += 1;
            }
            let name_start = k;
            while k < self.tokens().len()
                && k < name_start + 3
                && self.tokens()[k].span.end <= p.end
                && self.word(k).starts_with(char::is_uppercase)
                && self.tokens()[k].kind == TokenKind::Word
            {
                k += 1;
            }
            // "Clinton camp: Trump's rhetoric threatens ...", "Former AG Mukasey at RNC: ...",
            // "Report: ...": a headline's longer label that names someone or a document.
            if k < self.tokens().len() && self.word(k) != ":" {
                if let Some(colon) = (k..(name_start + 7).min(self.tokens().len()))
                    .take_while(|&x| self.tokens()[x].span.end <= p.end)
                    .find(|&x| self.word(x) == ":")
                {
                    let label = self.span(name_start, colon);
                    let names = self.r.mentions.iter().any(|m| {
                        label.contains(m.span) && m.kind != EntityType::Place && m.span.start == self.tokens()[name_start].span.start
                    });
                    let verbless = (name_start..colon).all(|x| {
                        let w = self.word(x);
                        self.tokens()[x].kind == TokenKind::Word
                            && !FINITE.contains(&w.to_lowercase().as_str())
                            && self.lex.cue(w).is_none()
                    });
                    let document =
                        matches!(self.word(name_start), "Report" | "Newspaper" | "Poll" | "Study" | "Survey" | "Sources" | "Officials");
                    if verbless && (names || document && colon == name_start + 1) {
                        k = colon;
                    }
                }
            }
            if k == name_start || k >= self.tokens().len() || self.word(k) != ":" || self.tokens()[k].span.end >= p.end {
                continue;
            }
            let name = self.span(name_start, k);
            // Not a heading ("Note:", "Update:", "The Latest:", "Stealth Over Health:") or a time
            // ("3:25"): common words that name no one.
            let named = self.r.mentions.iter().any(|m| name.contains(m.span) && m.kind != EntityType::Place);
            if !named && name.of(text).split_whitespace().all(|w| self.lex.is_common(w)) {
                continue;
            }
            // "Replacements: Vale, Hart, Okafor." is a team sheet.
            if self.lists_names(k + 1, self.token_at(p.end)) {
                continue;
            }
            let content = Span::new(self.tokens()[k].span.end, p.end).trim(text, &['"', '“', '”', ' ']);
            // Frames inside the speaker's turn are nested in it, not rivals; a frame before the
            // label whose content runs over it ('Mr. Smith said: "A: B"') is.
            let label = self.tokens()[k].span;
            if content.is_empty()
                || self.claims.iter().any(|c| c.content.contains(label) && c.cue.as_ref().is_some_and(|q| q.span.end <= label.start))
            {
                continue;
            }
            let source = self.r.mentions_in(name).into_iter().find(|&m| self.r.mentions[m].kind != EntityType::Place);
            let (cue, name) = self.label_cue(name_start, k);
            let quoted = name_start > first;
            self.push(content, Some(cue), source, Some(name), quoted);
        }
    }

    /// Whether tokens `from..end` list names and nothing else: capitalized words, initials,
    /// numbers and brackets, separated by commas ("Peel, Wilson, Thompson.", "R McBryde
    /// (Llanelli), J Yapp (Cardiff)", "Everitt for Mapletoft (53), Hodgson for Edwards (77)").
    fn lists_names(&self, from: usize, end: usize) -> bool {
        let listed = |x: usize| {
            let w = self.word(x);
            w.starts_with(char::is_uppercase)
                || self.tokens()[x].kind == TokenKind::Number
                || matches!(w, "," | "." | "(" | ")" | "-" | "for" | "van" | "der" | "de" | "da" | "di" | "le" | "la")
        };
        // Each name of at most four capitalized words outside brackets ("Okafor for Ruiz (71)",
        // "Paice for van der Walt (60)"); not a title-case headline ("Obama: Families Of Gun
        // Violence Victims Don't Care About Politics, Just Change").
        let mut words = 0;
        let mut bracket = false;
        for x in from..end {
            match self.word(x) {
                "," => words = 0,
                "(" => bracket = true,
                ")" => bracket = false,
                w if !bracket && w.starts_with(char::is_uppercase) => words += 1,
                _ => {}
            }
            if words > 4 || !listed(x) {
                return false;
            }
        }
        (from..end).any(|x| self.word(x) == ",")
    }

    /// Signed quotations: a paragraph that ends with a quotation, a dash and a name
    /// ('"... our greatest shame." ― Sonya Herridge'). The dash is the cue.
    pub(super) fn signed_quotes(&mut self) {
        let text = self.text();
        for p in self.r.segmented.paragraphs.clone() {
            let first = self.token_at(p.start);
            let end = self.token_at(p.end);
            let mut k = end;
            while k > first && matches!(self.word(k - 1), "." | ",") {
                k -= 1;
            }
            let name_end = k;
            while k > first
                && name_end - k < 4
                && self.tokens()[k - 1].kind == TokenKind::Word
                && self.word(k - 1).starts_with(char::is_uppercase)
            {
                k -= 1;
            }
            if k == name_end || k < first + 2 || !is_dash(self.word(k - 1)) || !matches!(self.word(k - 2), "”" | "\"" | "''") {
                continue;
            }
            // The quotation is the paragraph up to its closing mark, whether or not its opening
            // mark paired: pasted reader quotes often open with a closing mark or a nested one.
            let close = self.tokens()[k - 2].span;
            let paired = self.quotes.iter().find(|q| q.outer.end == close.end).map(|q| q.inner);
            let inner = paired.unwrap_or_else(|| Span::new(p.start, close.start).trim(text, &['"', '“', '”', '\'', ' ']));
            let name = self.span(k, name_end);
            if inner.is_empty() || self.claims.iter().any(|c| c.content.overlaps(inner)) {
                continue;
            }
            let source = self.r.mentions_in(name).into_iter().find(|&m| self.r.mentions[m].kind != EntityType::Place);
            let cue = Cue { span: self.tokens()[k - 1].span, lemma: "―".into(), class: "say".into() };
            self.push(inner.trim(text, &[' ']), Some(cue), source, Some(name), true);
        }
    }

    /// A sentence with no frame of its own, right after a sentence whose reported speech runs to
    /// its end, in the same paragraph, continues that speech ("A major reason ..., he continues,
    /// is that the group pays well. Kyrgyz members are paid ..."). A sentence that turns ("But",
    /// "However") or holds a quotation does not.
    pub(super) fn continuations(&mut self, quotes: &[Quote]) {
        let sentences = &self.r.segmented.sentences;
        let index = ClaimIndex::new(&self.claims);
        let mut quoted: Vec<Span> = quotes.iter().map(|q| q.outer).collect();
        quoted.sort();
        let quoted = SpanIndex::new(quoted);
        let mut added = Vec::new();
        for i in 1..sentences.len() {
            let (prev, cur) = (&sentences[i - 1], &sentences[i]);
            if prev.paragraph != cur.paragraph {
                continue;
            }
            let first_word = self.word(cur.tokens.start);
            let turns =
                matches!(first_word, "But" | "However" | "Yet" | "Still" | "Meanwhile" | "Nevertheless" | "Instead" | "Others" | "Critics");
            let framed = index.overlaps(cur.span) || index.cue_inside(cur.span);
            if turns || framed || quoted.overlaps(cur.span) {
                continue;
            }
            let prev_end = (prev.tokens.start..prev.tokens.end)
                .rev()
                .find(|&t| !(matches!(self.word(t), "”" | "\"" | "''") || is_terminal(self.word(t))))
                .map_or(prev.span.end, |t| self.tokens()[t].span.end);
            // Only after a frame that follows its content ("..., he continues, ..."): the article
            // is then in the speaker's voice.
            let speaker = index
                .inside(prev.span)
                .filter(|&k| self.claims[k].source.is_some() && self.claims[k].content.end >= prev_end)
                .filter(|&k| self.claims[k].cue.as_ref().is_some_and(|q| q.span.start > self.claims[k].content.start))
                .max_by_key(|&k| (self.claims[k].content.end, k));
            let Some(speaker) = speaker.map(|k| &self.claims[k]) else { continue };
            if self.names_source(cur.span, speaker) {
                continue;
            }
            let end = (cur.tokens.start..cur.tokens.end).rev().find(|&t| !is_terminal(self.word(t))).map_or(cur.tokens.end, |t| t + 1);
            if end <= cur.tokens.start {
                continue;
            }
            let content = self.span(cur.tokens.start, end);
            added.push(Claim { content, cue: None, direct: false, negated: false, quantities: Vec::new(), ..speaker.clone() });
        }
        self.claims.extend(added);
    }

    /// Whether `span` names the source of `claim` ("The BSC has members in ...": the article
    /// describing the source, not quoting it).
    fn names_source(&self, span: Span, claim: &Claim) -> bool {
        let surface = |m: usize| crate::text::fold_typography(self.r.mentions[m].span.of(self.text()));
        let source = claim.source.map(surface);
        self.r.mentions_in(span).into_iter().any(|m| Some(surface(m)) == source)
    }

    /// Quotations that no frame covers: the paragraph's current speaker said them.
    /// Each statement (`is_statement`) continues the frame right before it (`adjacent_frame`)
    /// or is a claim of the speaker the paragraph carries (`quotation_speaker`).
    pub(super) fn quotations(&mut self, quotes: &[Quote]) {
        let mut frames = Frames::new(&self.r.segmented.sentences, &self.claims);
        let mut contents = Contents::of(&self.claims);
        for q in quotes {
            if contents.overlap(q.inner) || !self.is_statement(q) {
                continue;
            }
            if let Some(i) = self.adjacent_frame(q, &frames) {
                let end = q.inner.trim(self.text(), &[',', '.', ' ']).end;
                self.claims[i].content = Span::new(self.claims[i].content.start, end.max(self.claims[i].content.end));
                contents.add(self.claims[i].content);
                frames.add(&self.r.segmented.sentences, &self.claims, i);
                continue;
            }
            if let Some((source, source_span, reported_by, parent)) = self.quotation_speaker(q, &frames) {
                let mut claim = Claim {
                    content: q.inner,
                    cue: None,
                    source,
                    source_span,
                    reported_by,
                    parent,
                    direct: true,
                    negated: false,
                    quantities: Vec::new(),
                    comment: false,
                    dates: Vec::new(),
                };
                claim.content = claim.content.trim(self.text(), &[',']);
                contents.add(claim.content);
                self.claims.push(claim);
                frames.add(&self.r.segmented.sentences, &self.claims, self.claims.len() - 1);
            }
        }
    }

    /// Whether a quotation with no frame of its own is a statement: not a short quoted term
    /// ("loss", 'caliphate': scare quotes), not a title of a work ("Larry King Now", "The Steve
    /// Harvey Morning Show"; a sentence in quotation marks, '"I would, Donald."', is no title),
    /// and not a quoted phrase inside the narrator's own sentence ('a "lawful source" of
    /// income'): a quotation that opens its sentence is.
    fn is_statement(&self, q: &Quote) -> bool {
        let words: Vec<&str> = q.inner.of(self.text()).split_whitespace().collect();
        if words.len() < 3 {
            return false;
        }
        let capitalized = words.iter().filter(|w| w.starts_with(char::is_uppercase)).count();
        let long_words = words.iter().filter(|w| w.len() > 3).count();
        let sentence_like = q.inner.of(self.text()).trim_end().ends_with(['.', '!', '?', ',']);
        if words.len() <= 8 && capitalized * 10 >= long_words.max(1) * 8 && !sentence_like {
            return false;
        }
        // Sentences are in text order: one search for each start.
        let sentences = &self.r.segmented.sentences;
        let opens = |at: usize| sentences.get(sentences.partition_point(|s| s.span.start < at)).is_some_and(|s| s.span.start == at);
        opens(q.outer.start) || opens(q.inner.start)
    }

    /// '"A," said Caddell. "B ..."': the claim whose frame ends the sentence right before the
    /// quotation `q`, which opens the next sentence of the same paragraph: the same
    /// attribution. Frames inside the speaker's own sentence (", speaking of ...", ",
    /// emphasizing why ...") do not part the two quotations.
    fn adjacent_frame(&self, q: &Quote, frames: &Frames) -> Option<usize> {
        let sentences = &self.r.segmented.sentences;
        let sentence_at = |byte: usize| sentences.partition_point(|s| s.span.end <= byte);
        let b = sentence_at(q.outer.start);
        if b == 0
            || b >= sentences.len()
            || sentences[b - 1].paragraph != sentences[b].paragraph
            || sentences[b].span.start != q.outer.start
        {
            return None;
        }
        // The first claim with a cue whose content ends in the sentence before, one that names
        // its source before one that does not: 'Asked about the damages, Mr Lee said: "A. "B."'
        // continues what Mr Lee said, not the question put to him.
        let i = frames
            .ending_in(b - 1)
            .filter(|&i| self.claims[i].content.end <= q.outer.start)
            .min_by_key(|&i| (self.claims[i].source_span.is_none(), i))?;
        let frame = b - 1;
        let between = frames.starting_in(self.claims[i].content.end + 1, q.outer.start);
        let parted = between
            .filter(|&d| self.claims[d].content.end <= q.outer.start)
            .any(|d| self.claims[d].cue.as_ref().is_none_or(|cue| sentence_at(cue.span.start) != frame));
        (!parted).then_some(i)
    }

    /// The speaker a quotation with no frame continues: the last claim not nested in another
    /// in this paragraph or the one before, ending before it (a frame nested in another's
    /// content, "X said he did not feel it was as dramatic as Mr Renner believed. \"...\"", is
    /// reported speech, not the paragraph's speaker); else the first framed claim within 200
    /// bytes after it. Returns its source, source words, reporter and parent.
    /// The claims are read through `frames` (by where their contents start); on ties the later
    /// claim before the quotation and the earlier one after it.
    fn quotation_speaker(&self, q: &Quote, frames: &Frames) -> Option<Speaker> {
        let from = self.previous_paragraph_start(q.outer.start);
        let speaker = frames
            .starting_in(from, q.outer.start)
            .filter(|&i| self.claims[i].content.end <= q.outer.start && self.claims[i].parent.is_none())
            .max_by_key(|&i| (self.claims[i].content.end, i));
        let following = || frames.starting_in(q.outer.end, q.outer.end + 199).find(|&i| self.claims[i].cue.is_some());
        let c = &self.claims[speaker.or_else(following)?];
        Some((c.source, c.source_span, c.reported_by, c.parent))
    }

    /// Whether the cue at `span` is foreseen rather than done: a modal in its verb group ("the
    /// fee would encourage students", "Oprah Winfrey will voice a goose", "the mayor would say
    /// sorry"). Inside what someone said, that is part of it. Not "to": "was forced to deny" did.
    fn foreseen(&self, span: Span) -> bool {
        let t = self.token_at(span.start);
        let sentence = self.r.segmented.sentence_of(t);
        let first = self.r.segmented.sentences.get(sentence).map_or(t, |s| s.tokens.start.min(t));
        (self.verb_group_start(first, t)..t).chain(t.checked_sub(1).filter(|&k| k >= first)).any(|k| {
            matches!(
                self.word(k).to_lowercase().as_str(),
                "would" | "will" | "could" | "should" | "might" | "may" | "must" | "can" | "’ll" | "'ll" | "’d" | "'d"
            )
        })
    }

    /// Marks claims whose cue and source lie inside another claim's content as nested in it.
    pub(super) fn nest(&mut self) {
        // A state of mind, a stance or a directive inside reported speech ("Stein said she plans
        // to join", "Merrill says Machado wants ...", "said the fee would encourage students to
        // apply") is part of what the speaker said, not a report of its
        // own: attribution corpora leave it inside the outer content, and so do we. So is a
        // finding that names no entity ("he said the data show"); "the WHO report found" inside
        // speech stays a hop of the chain.
        let outers = outer_claims(&self.claims);
        let inner_states: Vec<bool> = (0..self.claims.len())
            .map(|i| {
                self.claims[i].cue.as_ref().is_some_and(|cue| {
                    let private =
                        PRIVATE_STATES.contains(&cue.class.as_str()) || (cue.class == "document" && self.claims[i].source.is_none());
                    (private || self.foreseen(cue.span)) && outers[i].is_some()
                })
            })
            .collect();
        let mut inner_states = inner_states.into_iter();
        self.claims.retain(|_| !inner_states.next().unwrap_or(false));
        let n = self.claims.len();
        for (i, outer) in outer_claims(&self.claims).into_iter().enumerate() {
            if let Some(j) = outer {
                self.claims[i].parent = Some(j);
                if self.claims[i].reported_by.is_none() {
                    self.claims[i].reported_by = self.claims[j].source;
                }
            }
        }
        // A source reached through a pronoun or description keeps the chain it was reported in:
        // "according to Kurdistan-24, '...'. The remaining 20 percent, it says, '...'".
        let mut by_position: Vec<usize> = (0..n).collect();
        by_position.sort_by_key(|&i| self.claims[i].content.start);
        // The earlier claims of each source, in the order of their contents' starts.
        let mut earlier_of: HashMap<usize, Vec<usize>> = HashMap::new();
        for i in by_position {
            let c = &self.claims[i];
            let Some(s) = c.source else { continue };
            let earlier_claims = earlier_of.entry(s).or_default();
            let via_reference = c.source_span.is_some_and(|span| span != self.r.mentions[s].span);
            let earlier = if via_reference && c.parent.is_none() {
                earlier_claims.iter().rev().find(|&&j| self.claims[j].content.end <= c.content.start).copied()
            } else {
                None
            };
            earlier_claims.push(i);
            if let Some(j) = earlier {
                if self.claims[j].reported_by.is_some() {
                    self.claims[i].reported_by = self.claims[j].reported_by;
                    self.claims[i].parent = self.claims[j].parent;
                }
            }
        }
    }

    /// Content spans follow the convention of attribution corpora (PARC, PolNeAR): the
    /// complementizer of reported speech ("said that ...") and the marks of a quotation belong
    /// to what was said.
    pub(super) fn mark_contents(&mut self) {
        let text = self.r.text();
        for c in &mut self.claims {
            let Some(cue) = &c.cue else { continue };
            let before = &text[..c.content.start];
            let after = &text[c.content.end..];
            if cue.span.end <= c.content.start && before.ends_with("that ") && !before.ends_with(" so that ") {
                c.content.start -= "that ".len();
            } else if let Some(mark) = before.chars().next_back().filter(|ch| matches!(ch, '"' | '“')) {
                // "said, “We will finish.”": the marks and the punctuation inside them.
                let closing = after.char_indices().take(2).find(|&(_, ch)| matches!(ch, '"' | '”'));
                if let Some((at, ch)) = closing {
                    if after[..at].chars().all(|x| matches!(x, '.' | ',' | '?' | '!')) {
                        c.content.start -= mark.len_utf8();
                        c.content.end += at + ch.len_utf8();
                    }
                }
            }
        }
    }
}

/// For each claim with a cue, the claim it is nested in: the shortest other claim whose content
/// holds its cue and its content (the first of equally short ones).
fn outer_claims(claims: &[Claim]) -> Vec<Option<usize>> {
    let contents: Vec<Span> = claims.iter().map(|c| c.content).collect();
    let queries: Vec<(usize, Span)> =
        claims.iter().enumerate().filter_map(|(i, c)| Some((i, c.cue.as_ref()?.span.cover(c.content)))).collect();
    let mut outers = vec![None; claims.len()];
    for (&(i, _), outer) in queries.iter().zip(enclosing::smallest_enclosing(&contents, &queries)) {
        outers[i] = outer;
    }
    outers
}

/// Whether the quotation mark at `offset` of `body` opens a new quoted paragraph: a space before
/// it, a sentence's end before the space, and a letter, digit or ellipsis right after it.
fn restarts(body: &str, offset: usize, width: usize) -> bool {
    let before = &body[..offset];
    let spaced = before.ends_with(' ') && before.trim_end().ends_with(['.', '?', '!']);
    spaced && body[offset + width..].chars().next().is_some_and(|n| n.is_alphanumeric() || n == '.' || n == '…')
}

/// The claims' contents and cues in text order, to ask what lies in a sentence without reading
/// every claim for every sentence.
struct ClaimIndex {
    /// The contents, sorted, and the claim of each.
    contents: SpanIndex,
    claims: Vec<usize>,
    cues: Vec<Span>,
}

impl ClaimIndex {
    fn new(claims: &[Claim]) -> Self {
        let mut order: Vec<(Span, usize)> = claims.iter().enumerate().map(|(i, c)| (c.content, i)).collect();
        order.sort();
        let (contents, claims_of): (Vec<Span>, Vec<usize>) = order.into_iter().unzip();
        let mut cues: Vec<Span> = claims.iter().filter_map(|c| c.cue.as_ref().map(|q| q.span)).collect();
        cues.sort();
        ClaimIndex { contents: SpanIndex::new(contents), claims: claims_of, cues }
    }

    /// Whether a content overlaps `span`.
    fn overlaps(&self, span: Span) -> bool {
        self.contents.overlaps(span)
    }

    /// Whether a cue lies inside `span`.
    fn cue_inside(&self, span: Span) -> bool {
        let from = self.cues.partition_point(|s| s.start < span.start);
        self.cues[from..].iter().take_while(|s| s.start <= span.end).any(|s| s.end <= span.end)
    }

    /// The claims whose content lies inside `span`.
    fn inside(&self, span: Span) -> impl Iterator<Item = usize> + '_ {
        let contents = self.contents.spans();
        let from = contents.partition_point(|s| s.start < span.start);
        (from..contents.len())
            .take_while(move |&k| contents[k].start <= span.end)
            .filter(move |&k| contents[k].end <= span.end)
            .map(|k| self.claims[k])
    }
}

/// The claims of `quotations`, indexed as it reads them: those with a cue by the sentence their
/// content ends in, and all by where their content starts. Kept up to date as `quotations`
/// extends a content or adds a claim, so that finding the frame before each quotation reads only
/// the claims around it, not every claim.
struct Frames {
    ending: BTreeMap<usize, BTreeSet<usize>>,
    /// The sentence each claim with a cue is filed under in `ending`.
    filed: HashMap<usize, usize>,
    starting: BTreeMap<usize, BTreeSet<usize>>,
}

impl Frames {
    fn new(sentences: &[crate::segment::Sentence], claims: &[Claim]) -> Self {
        let mut frames = Frames { ending: BTreeMap::new(), filed: HashMap::new(), starting: BTreeMap::new() };
        for i in 0..claims.len() {
            frames.add(sentences, claims, i);
        }
        frames
    }

    /// Files claim `i` (again, after its content changed).
    fn add(&mut self, sentences: &[crate::segment::Sentence], claims: &[Claim], i: usize) {
        let c = &claims[i];
        self.starting.entry(c.content.start).or_default().insert(i);
        if c.cue.is_none() {
            return;
        }
        if let Some(set) = self.filed.remove(&i).and_then(|old| self.ending.get_mut(&old)) {
            set.remove(&i);
        }
        let sentence = sentences.partition_point(|s| s.span.end <= c.content.end.saturating_sub(1));
        self.ending.entry(sentence).or_default().insert(i);
        self.filed.insert(i, sentence);
    }

    /// The claims with a cue whose content ends in sentence `s`, in claim order.
    fn ending_in(&self, s: usize) -> impl Iterator<Item = usize> + '_ {
        self.ending.get(&s).into_iter().flatten().copied()
    }

    /// The claims whose content starts from byte `from` to byte `to`, inclusive.
    fn starting_in(&self, from: usize, to: usize) -> impl Iterator<Item = usize> + '_ {
        (from <= to).then(|| self.starting.range(from..=to)).into_iter().flatten().flat_map(|(_, set)| set.iter().copied())
    }
}

/// Whether a claim's content overlaps a span, while a pass grows contents or adds claims: the
/// contents as the pass found them (a content only grows, so its old span still overlaps what
/// the new one does), and those it grew or added since, in text order as a rule: none of these
/// overlaps a span that starts at or after their furthest end, which answers most questions
/// without a scan.
#[derive(Debug)]
struct Contents {
    found: SpanIndex,
    since: Vec<Span>,
    reach: usize,
}

impl Contents {
    fn of(claims: &[Claim]) -> Self {
        Contents { found: SpanIndex::of(claims.iter().map(|c| c.content)), since: Vec::new(), reach: 0 }
    }

    /// Records a content grown to `span`, or a new claim's.
    fn add(&mut self, span: Span) {
        self.reach = self.reach.max(span.end);
        self.since.push(span);
    }

    /// Whether a content overlaps `span`.
    fn overlap(&self, span: Span) -> bool {
        self.found.overlaps(span) || self.reach > span.start && self.since.iter().rev().any(|s| s.overlaps(span))
    }
}
