//! Resolving a source's words to an earlier mention: descriptions ("the commentator"), pronouns,
//! the last source of a kind, and the windows they search.

use super::*;

/// How many of the latest claims (and roles) a description looks back through for the one it
/// names. News articles hold a few dozen; a bound keeps a text that repeats one sentence
/// thousands of times linear (issue 17) without changing what any real article gives.
pub(super) const LOOK_BACK: usize = 256;

impl<'a> Attributor<'a> {
    /// The mention a description names: "the commentator" is the person with that role, "the
    /// group" the last organization; a description with a name inside names that ("the
    /// Kurdistan-24 news agency").
    pub(super) fn resolve_description(&self, head: &str, start: usize, span: Span) -> Option<usize> {
        if let Some((owner_head, owner_start, owner)) = self.voiced_description(head, start, span) {
            return self.resolve_description(&owner_head, owner_start, owner);
        }
        if matches!(self.word(start), "our" | "Our") && matches!(head, "correspondent" | "reporter" | "editor") {
            return self.our_reporter(head, span);
        }
        let tokens_in = |span: Span| self.token_at(span.end) - start;
        let definite = matches!(self.word(start), "the" | "The");
        let noun = self.lex.noun_type(head);
        let spokes = matches!(head, "spokesman" | "spokeswoman" | "spokesperson" | "spokesmen" | "spokeswomen" | "official" | "officials");
        let inner = self.r.mentions_in(span);
        if let Some(&m) = inner.last() {
            // "the WHO report", "the Kurdistan-24 news agency": the named body speaks.
            let kind = self.r.mentions[m].kind;
            let document = NOMINAL_CUES.contains(&head) && kind != EntityType::Place;
            // "the Kurdistan-24 news agency" is Kurdistan-24; "a Daghestan-based group" is not Dagestan.
            // "A Treasury spokeswoman", "Nasa officials": an unnamed voice of a body gives the body.
            let voice = spokes && kind == EntityType::Organization;
            // "A Kelso Institute report on the 20 biggest ports says": the author of a document.
            let authored = kind != EntityType::Place && self.authored_by(m, span);
            if document || voice || authored || noun.is_some() && noun == Some(kind) {
                return Some(m);
            }
            return None;
        }
        if spokes && tokens_in(span) <= 3 && matches!(self.word(start), "a" | "A" | "an" | "An") {
            // "A Delta spokesperson", where the recognizer left the name: the organization the
            // article names with that word.
            let (word, three) = (self.word(start + 1), tokens_in(span) == 3);
            if three && word.starts_with(char::is_uppercase) {
                if let Some(m) = self.organization_named(word, span.start) {
                    return Some(m);
                }
            }
            // "a company spokesman": the body named just before.
            let modified = three && self.lex.noun_type(word) == Some(EntityType::Organization);
            // "an executive spokesman": the body whose name holds the word ("Scottish Executive").
            if three && !modified && word.starts_with(char::is_lowercase) {
                let holds = |name: &str| name.split_whitespace().any(|w| w.eq_ignore_ascii_case(word));
                if let Some(m) = self.organization_nearest(span.start, &holds) {
                    return Some(m);
                }
            }
            return self.spoken_for(span, modified);
        }
        // Only short definite descriptions are anaphoric ("the commentator", "the group");
        // "the trial's independent safety board" introduces someone new.
        let tokens = self.token_at(span.end) - start;
        let possessive = (start..start + tokens).any(|k| self.tokens()[k].kind == TokenKind::Possessive);
        // "Police said": a bare organization noun names the body named before with that word.
        let bare = tokens == 1 && noun == Some(EntityType::Organization);
        if !(definite || bare) || tokens > 3 || possessive {
            return None;
        }
        if definite && document_noun(head) {
            return self.last_report_source(head, span);
        }
        if self.lex.role(head).is_some() {
            return self.role_holder(head, span);
        }
        if noun == Some(EntityType::Organization) {
            return self.organization_described(head, span);
        }
        None
    }

    /// The reporter "our correspondent" names in BBC copy: the person who spoke last in words
    /// that name the BBC or the same role ("the BBC's Ana Ruiz in Oslo", "BBC correspondent Jo
    /// Brandt").
    fn our_reporter(&self, head: &str, span: Span) -> Option<usize> {
        let ours = |s: Span| {
            let words = s.of(self.text());
            s.end <= span.start && (words.contains("BBC") || words.split_whitespace().any(|w| w.eq_ignore_ascii_case(head)))
        };
        let person = |m: usize| self.r.mentions[m].kind == EntityType::Person;
        self.claims.iter().rev().take(LOOK_BACK).filter(|c| c.source_span.is_some_and(ours)).find_map(|c| c.source.filter(|&m| person(m)))
    }

    /// The person a role description ("the mayor", "the shadow chancellor") names: whoever the
    /// article gave that role before, else the source of the last claim described the same way.
    fn role_holder(&self, head: &str, span: Span) -> Option<usize> {
        let fits = |words: Span| crate::lexicon::role_fits(words.of(self.text()), span.of(self.text()), head);
        let roles = &self.r.roles;
        let before = roles.partition_point(|role| role.span.start < span.start);
        if let Some(role) = roles[..before].iter().rev().take(LOOK_BACK).find(|role| fits(role.span)) {
            return Some(role.person);
        }
        // "the mayor" names whoever holds that role; without it, only the last source
        // described the same way could be meant.
        let same_role = self
            .claims
            .iter()
            .rev()
            .take(LOOK_BACK)
            .find(|c| c.source.is_some() && c.source_span.is_some_and(|s| s.start < span.start && fits(s)));
        same_role.and_then(|c| c.source)
    }

    /// The organization a description with an organization noun names ("the authority", "the
    /// airline"): the latest named before it in its window whose name holds the noun (also in
    /// the plural: "Delta Airlines"), else, for a generic noun ("the company", "the group"), the
    /// last organization that spoke there, a company's no public body.
    fn organization_described(&self, head: &str, span: Span) -> Option<usize> {
        // "the council" is no newspaper quoted before it.
        let window = self.window_start(span.start);
        let holds_noun = |w: &str| {
            w.eq_ignore_ascii_case(head) || w.len() == head.len() + 1 && w.ends_with('s') && w[..head.len()].eq_ignore_ascii_case(head)
        };
        // The mentions are disjoint and in text order: read back from the description to the
        // window, the latest only (a page of thousands of "the club" must not read every mention
        // for each).
        let upto = self.r.mentions.partition_point(|m| m.span.start < span.start);
        let named = (0..upto).rev().take(LOOK_BACK).take_while(|&i| self.r.mentions[i].span.start >= window).find(|&i| {
            let m = &self.r.mentions[i];
            m.kind == EntityType::Organization && m.span.end <= span.start && m.span.of(self.text()).split_whitespace().any(holds_noun)
        });
        // "Police said" before or long after "Strathclyde Police" is named: the force named
        // nearest, the latest before, else the first after.
        let named = named.or_else(|| (head == "police").then(|| self.police_force(span.start)).flatten());
        let generic = matches!(head, "group" | "organization" | "organisation" | "company" | "firm" | "agency" | "body");
        let company = matches!(head, "company" | "firm" | "companies" | "firms");
        let fits = |m: usize| !company || !self.is_public_body(m);
        let unnamed = self.r.segmented.introduces_unnamed(span.start, head);
        named.or_else(|| (generic && !unnamed).then(|| self.last_source_of(EntityType::Organization, span.start, &fits)).flatten())
    }

    /// The police force the article names ("Strathclyde Police"), nearest `at`
    /// ([`Attributor::organization_nearest`]).
    fn police_force(&self, at: usize) -> Option<usize> {
        self.organization_nearest(at, &|name| name.ends_with(" Police"))
    }

    /// The organization mention the article names `word` by, alone, in the plural or as its first
    /// word ("Delta" or "Delta Airlines" for "A Delta spokesperson", "the Conservatives" for "A
    /// Conservative spokeswoman"), nearest `at`.
    fn organization_named(&self, word: &str, at: usize) -> Option<usize> {
        let named = |name: &str| {
            let rest = name.strip_prefix(word);
            rest.is_some_and(|rest| rest.is_empty() || rest == "s" || rest.starts_with(' '))
        };
        self.organization_nearest(at, &named)
    }

    /// The organization mention whose name `named` accepts: the latest before `at`, else the
    /// first after it, among the `LOOK_BACK` mentions on either side.
    fn organization_nearest(&self, at: usize, named: &dyn Fn(&str) -> bool) -> Option<usize> {
        let mentions = &self.r.mentions;
        let fits = |i: &usize| mentions[*i].kind == EntityType::Organization && named(mentions[*i].span.of(self.text()));
        let split = mentions.partition_point(|m| m.span.start < at);
        (0..split).rev().take(LOOK_BACK).find(fits).or_else(|| (split..mentions.len()).take(LOOK_BACK).find(fits))
    }

    /// The description that a voice's description speaks for, with its head and first token:
    /// "a statement from the ferry firm", "A spokesman for the firm" ("the ferry firm", "the
    /// firm"); "The prime minister's official spokesman", "the band's spokesman" (the
    /// description before the possessive).
    fn voiced_description(&self, head: &str, start: usize, span: Span) -> Option<(String, usize, Span)> {
        let end = self.token_at(span.end);
        if let Some(p) = (start + 1..end.saturating_sub(1)).find(|&k| matches!(self.word(k), "from" | "for" | "of" | "by")) {
            let voice = self.word(p - 1).to_lowercase();
            let speaks = message_or_document(&voice) || INSIDERS.contains(&voice.as_str());
            if speaks && matches!(self.word(p + 1), "the" | "The") && self.r.mentions_in(span).is_empty() {
                return Some((self.word(end - 1).to_lowercase(), p + 1, self.span(p + 1, end)));
            }
        }
        let voice = INSIDERS.contains(&head) || PERSONAL_VOICES.contains(&head);
        if !matches!(self.word(start), "the" | "The") || !voice {
            return None;
        }
        let p = (start + 2..end.saturating_sub(1)).find(|&k| self.tokens()[k].kind == TokenKind::Possessive)?;
        let modifiers = (p + 1..end - 1).all(|k| self.word(k).starts_with(char::is_lowercase));
        (modifiers && self.r.mentions_in(self.span(start, p)).is_empty())
            .then(|| (self.word(p - 1).to_lowercase(), start, self.span(start, p)))
    }

    /// "the report" is the report quoted last with that word before `span`, and speaks for its
    /// author ("a World Bank report", "the report by telecoms giant BT"); a report, study or
    /// survey is any of them ("A study by Jupiter Research suggested ..., said the report").
    fn last_report_source(&self, head: &str, span: Span) -> Option<usize> {
        const STUDIES: &[&str] = &["report", "study", "survey", "research"];
        // Another of them heads its phrase: it ends the words or comes before a comma or a
        // preposition ("The study by", not "research director Ana Ruiz").
        let study_head = |words: &[&str], k: usize| {
            STUDIES.contains(&head)
                && STUDIES.contains(&words[k])
                && words.get(k + 1).is_none_or(|next| next.is_empty() || PREPOSITIONS.contains(next))
        };
        let holds_head = |s: Span| {
            let words: Vec<&str> = s.of(self.text()).split(|c: char| !c.is_alphanumeric()).collect();
            s.start < span.start && (0..words.len()).any(|k| words[k].eq_ignore_ascii_case(head) || study_head(&words, k))
        };
        // Its source, or the named head of its words, which is found after every frame is read.
        let found = self.claims.iter().rev().take(LOOK_BACK).find(|c| c.source_span.is_some_and(holds_head))?;
        found.source.or_else(|| self.named_head(found.source_span?))
    }

    /// Whether the words after mention `m` in `span` name a document it wrote: lowercase
    /// modifiers, then a document noun that ends the phrase or comes before a preposition ("a
    /// World Bank report", "a Reuters news agency report", "A Kelso Institute report on the 20
    /// biggest ports").
    fn authored_by(&self, m: usize, span: Span) -> bool {
        let end = self.token_at(span.end);
        let is_document = |w: &str| NOMINAL_CUES.contains(&w) || document_noun(w);
        // "Agroflora does not possess valid documents" is no document of Agroflora's.
        let stops =
            |w: &str| PREPOSITIONS.contains(&w) || FINITE.contains(&w) || AUXILIARIES.contains(&w) || matches!(w, "and" | "or" | "not");
        let from = self.token_at(self.r.mentions[m].span.end);
        let mut k = from;
        while k < end && k < from + 3 && self.word(k).starts_with(char::is_lowercase) && !stops(self.word(k)) && !is_document(self.word(k))
        {
            k += 1;
        }
        k < end && is_document(self.word(k)) && (k + 1 == end || PREPOSITIONS.contains(&self.word(k + 1)))
    }

    /// The organization "a spokesman" speaks for: the one that made the last claim in this
    /// paragraph or the one before; for "a company spokesman" (`modified`) opening no exchange,
    /// the last organization named in this sentence or the one before.
    fn spoken_for(&self, span: Span, modified: bool) -> Option<usize> {
        let from = self.previous_paragraph_start(span.start);
        // Among the latest claims found (as for roles: a page of thousands of spokesmen must not
        // read every claim for each).
        // "The Tories insisted ... They said ... And they pledged ... a spokesman said": claims
        // of a plural pronoun that names no one yet continue the body before them.
        let continues = |c: &Claim| c.source.is_none() && c.source_span.is_some_and(|s| matches!(s.of(self.text()), "they" | "They"));
        // The claim whose source words start last, among those `keep` takes (the latest found
        // on a tie).
        let latest = |keep: &dyn Fn(&Claim) -> bool| {
            self.claims
                .iter()
                .rev()
                .take(LOOK_BACK)
                .filter(|c| c.source_span.is_some_and(|s| s.start >= from && s.end <= span.start) && keep(c))
                .min_by_key(|c| std::cmp::Reverse(c.source_span.map(|s| s.start)))
        };
        let last = latest(&|c| !continues(c)).or_else(|| latest(&|_| true));
        if let Some(c) = last {
            return c.source.filter(|&m| self.r.mentions[m].kind == EntityType::Organization);
        }
        if !modified {
            return None;
        }
        let near = self.sentences_back(span.start, 1);
        self.r.mentions.iter().rposition(|m| m.kind == EntityType::Organization && m.span.end <= span.start && m.span.start >= near)
    }

    /// The antecedent of a pronoun: a mention of the right kind before it, outside quotations,
    /// within three paragraphs: the last that is the subject of its clause in this or the two
    /// sentences before, else the last.
    pub(super) fn resolve_pronoun(&self, pronoun: &str, before: usize) -> Option<usize> {
        let kind = match pronoun {
            "he" | "she" => EntityType::Person,
            "it" => EntityType::Organization,
            "they" => return self.plural_antecedent(before),
            _ => return None,
        };
        let window = self.window_start(before);
        let fits = |m: &Mention| m.kind == kind && m.span.end <= before && m.span.start >= window && !self.in_quote(m.span);
        // Mentions are sorted by span: only those starting in the window can fit.
        let mentions = &self.r.mentions;
        let (from, to) = (mentions.partition_point(|m| m.span.start < window), mentions.partition_point(|m| m.span.start <= before));
        // The latest mentions only: a paragraph of thousands of names must not be read for each
        // pronoun (no news paragraph holds that many).
        let from = from.max(to.saturating_sub(LOOK_BACK));
        let candidates: Vec<usize> = (from..to.max(from)).filter(|&m| fits(&mentions[m])).collect();
        let recent = self.recent_start(before);
        let recent: Vec<usize> = candidates.iter().rev().take_while(|&&m| self.r.mentions[m].span.start >= recent).copied().collect();
        // With none nearby, the last speaker of that kind, before the last mention (a name inside
        // what the speaker said is seldom the next speaker); with one, the parse cannot change
        // the answer: spare it.
        if recent.is_empty() {
            return self.last_speaker_among(&candidates, window, before).or(candidates.last().copied());
        }
        if recent.len() < 2 {
            return candidates.last().copied();
        }
        // The subject of a main clause before that of a clause inside it ("X said he did not
        // feel the situation was as dramatic as Mr Renner believed. \"...\", he argued": X).
        // Each mention's sentence is parsed only when no later mention has answered.
        let mut subject = None;
        for m in recent {
            let Some(verb) = self.subject_verb(m) else { continue };
            if self.is_main_verb(verb) {
                return Some(m);
            }
            subject = subject.or(Some(m));
        }
        subject.or(candidates.last().copied())
    }

    /// The source among `candidates` of the claim whose source words start last within `window`
    /// to `before` (the later claim on a tie): read from `sources_by_start` while frames are
    /// found, from every claim afterwards.
    fn last_speaker_among(&self, candidates: &[usize], window: usize, before: usize) -> Option<usize> {
        let fits = |i: usize| {
            let c = &self.claims[i];
            c.source_span.is_some_and(|s| s.end <= before && s.start >= window) && c.source.is_some_and(|m| candidates.contains(&m))
        };
        let last = match &self.sources_by_start {
            Some(index) => index.range((window, 0)..=(before, usize::MAX)).rev().map(|&(_, i)| i).find(|&i| fits(i)),
            None => (0..self.claims.len()).filter(|&i| fits(i)).max_by_key(|&i| self.claims[i].source_span.map(|s| s.start)),
        };
        last.and_then(|i| self.claims[i].source)
    }

    /// News leads describe a source and name them later ("..., a former minister has warned." and
    /// then "Ana Ruiz said ..."): a claim in the article's first two paragraphs whose source is a
    /// description of a person that names no one stands for the first person named as a source after
    /// it, within three paragraphs. Not for organizations: on BBC news the first organization
    /// named after "a US firm" or "a charity" was as often the other party (1 right in 5).
    pub(super) fn lead_descriptions(&mut self) {
        let paragraphs = &self.r.segmented.paragraphs;
        let Some(lead_end) = paragraphs.get(1).map(|p| p.end) else { return };
        for c in 0..self.claims.len() {
            let claim = &self.claims[c];
            // "When asked by a reporter whether ..., Tom Vance said": the one named after an
            // asker is the one asked.
            if claim.cue.as_ref().is_some_and(|q| q.class == "ask") {
                continue;
            }
            // "The former chief executive of drugs firm Norvalis has admitted": the body the
            // person works for, kept where no one is named after.
            let employer = claim.source.zip(claim.source_span).and_then(|(m, span)| {
                let mention = self.r.mentions[m].span;
                let (from, to) = (self.token_at(span.start), self.token_at(mention.start));
                let of = (from..to).any(|k| matches!(self.word(k), "for" | "of" | "at"));
                (self.r.mentions[m].kind == EntityType::Organization && of).then_some(m)
            });
            // "The new health minister for Wales says": the place after a preposition is not the
            // source ("the Hollywood Reporter" is a name, whatever its type).
            let unnamed = claim.source.is_none_or(|m| {
                let place = &self.r.mentions[m];
                let before = self.token_at(place.span.start);
                place.kind == EntityType::Place && before > 0 && matches!(self.word(before - 1), "for" | "of" | "in" | "at")
            });
            let Some(span) = claim.source_span.filter(|s| (unnamed || employer.is_some()) && s.end <= lead_end) else { continue };
            if !self.describes_person(span.of(self.text())) {
                continue;
            }
            let window = paragraphs.get(paragraphs.partition_point(|p| p.end < span.end) + 3).map_or(usize::MAX, |p| p.end);
            let named = self.claims.iter().find_map(|later| {
                let m = later.source?;
                let s = later.source_span?;
                let fits = s.start > span.end
                    && s.end <= window
                    && self.r.mentions[m].kind == EntityType::Person
                    && s.contains(self.r.mentions[m].span);
                fits.then_some(m)
            });
            self.claims[c].source = named.or(employer);
        }
    }

    /// The person named just before a source that is a role set off by a comma ("Chris Vale,
    /// managing director of Nettle Broadband said": the parse takes the role, whose closing comma
    /// is missing, for the subject), with the words from the name to the role's end.
    pub(super) fn name_before_role(&self, span: Span) -> Option<(usize, Span)> {
        let start = self.token_at(span.start);
        if start < 2 || self.word(start - 1) != "," {
            return None;
        }
        let m = self.r.mention_ending_at(self.tokens()[start - 2].span.end)?;
        let role = (start..self.token_at(span.end).min(start + 2)).any(|k| {
            self.lex.role(self.word(k)).is_some_and(|c| c != crate::lexicon::RoleClass::Title)
                && self.word(k).starts_with(char::is_lowercase)
        });
        // "..., coach Eddie Keane said" names its own speaker (a person "of" or "at" the role's
        // body does not: "director of Nettle Broadband").
        let names_someone = self.r.mentions_in(span).iter().any(|&k| {
            let mention = &self.r.mentions[k];
            mention.kind == EntityType::Person && self.token_at(mention.span.start) <= start + 2
        });
        (role && !names_someone && self.r.mentions[m].kind == EntityType::Person).then(|| (m, self.r.mentions[m].span.cover(span)))
    }

    /// The source words `span` of the cue at `cue`, from after a subordinator that opens the
    /// cue's own clause: "Shares have taken a dunking after the firm revealed", "the pound fell
    /// as analysts warned", "after UK regulators said" (the words before it, with the
    /// subordinator, are the main clause's); the parse's subject of the cue must follow the
    /// subordinator ("Jol after the 0-0 draw said" stays whole), with no verb after it. Not after
    /// a comma, which opens an apposition's own clauses ("Mr Vik, elected after Mr Dahl was
    /// toppled, said"), nor "such as", "known as", "as well as".
    pub(super) fn subject_after_subordinator(&self, span: Span, cue: Span) -> Span {
        let (first, end) = (self.token_at(span.start), self.token_at(span.end));
        let opens_clause = |k: usize| {
            let w = self.word(k).to_lowercase();
            SUBORDINATORS.contains(&w.as_str())
                && !(w == "as" && k > 0 && matches!(self.word(k - 1).to_lowercase().as_str(), "such" | "known" | "as" | "well" | "so"))
        };
        let Some(k) = (first..end).take_while(|&k| self.word(k) != ",").filter(|&k| k + 1 < end && opens_clause(k)).last() else {
            return span;
        };
        let verb = self.token_at(cue.start);
        let subject_after =
            self.syntax.dependents(verb).iter().any(|&d| (k + 1..end).contains(&d) && self.syntax.label(d).starts_with("nsubj"));
        // "Surveys of caucus-goers taken as they entered caucus sites showed": a whole clause
        // after the subordinator is its own, whatever the parse made of "they".
        let verb_after = (k + 1..end).any(|x| matches!(self.syntax.upos(x), "VERB" | "AUX"));
        if subject_after && !verb_after { Span::new(self.tokens()[k + 1].span.start, span.end) } else { span }
    }

    /// Whether words describe a person ("a leading industry figure", "The new health minister for
    /// Wales").
    fn describes_person(&self, words: &str) -> bool {
        let words: Vec<&str> = words.split_whitespace().take_while(|w| !matches!(*w, "for" | "of" | "in" | "at")).collect();
        let determined = matches!(words.first().map(|w| w.to_lowercase()).as_deref(), Some("a" | "an" | "the"));
        let head = words.last().map(|w| w.to_lowercase()).unwrap_or_default();
        let person = self.lex.role(&head).is_some() || matches!(head.as_str(), "figure" | "expert");
        words.len() <= 5 && determined && person && self.lex.noun_type(&head) != Some(EntityType::Organization)
    }

    /// The antecedent of "they" as the subject of a main clause: the organization that made the
    /// last claim, in this sentence or the two before, named in the plural ("Police said ... They
    /// believe ...", "The Tories say ... But they say ..."); people named one by one, a group
    /// described, a body named in the singular ("the IMF") or no claim nearby give none.
    fn plural_antecedent(&self, before: usize) -> Option<usize> {
        let k = self.token_at(before);
        let verb = self.syntax.head(k).filter(|_| self.syntax.label(k) == "nsubj")?;
        if !self.is_main_verb(verb) {
            return None;
        }
        let recent = self.recent_start(before);
        let last =
            self.claims_sourced_in(recent, before).into_iter().map(|i| &self.claims[i]).max_by_key(|c| c.source_span.map(|s| s.start))?;
        let plural = last.source_span.is_some_and(|s| {
            let word = s.of(self.text()).rsplit(' ').next().unwrap_or("").to_lowercase();
            // "The Tories have promised ..., who they say ... They say": a "they" already joined
            // to the body carries it on.
            word.ends_with('s') && !word.ends_with("ss") || matches!(word.as_str(), "police" | "they")
        });
        last.source.filter(|&m| plural && self.r.mentions[m].kind == EntityType::Organization)
    }

    /// The claims whose source words start within `from..to`, in the order of `claims`: the
    /// latest `LOOK_BACK` of them by start, read from `sources_by_start` while frames are found
    /// (a page of thousands of claims must not read every one for each source), from every claim
    /// afterwards.
    fn claims_sourced_in(&self, from: usize, to: usize) -> Vec<usize> {
        let within = |i: &usize| self.claims[*i].source_span.is_some_and(|s| s.start >= from && s.start < to);
        let mut found: Vec<usize> = match &self.sources_by_start {
            Some(index) => index.range((from, 0)..(to, 0)).rev().map(|&(_, i)| i).filter(within).take(LOOK_BACK).collect(),
            None => (0..self.claims.len()).filter(within).collect(),
        };
        found.sort_unstable();
        found
    }

    /// The latest mention of `kind` that `fits` and spoke before `before` within the window, else
    /// the latest such mention there.
    pub(super) fn last_source_of(&self, kind: EntityType, before: usize, fits: &dyn Fn(usize) -> bool) -> Option<usize> {
        let paragraph_window = self.window_start(before);
        let from_claims = self
            .claims_sourced_in(paragraph_window, before)
            .into_iter()
            .filter_map(|i| self.claims[i].source)
            .filter(|&m| self.r.mentions[m].kind == kind && fits(m))
            .max_by_key(|&m| self.r.mentions[m].span.start);
        // The mentions are disjoint and in text order: read back from `before` to the window.
        let upto = self.r.mentions.partition_point(|m| m.span.start < before);
        from_claims.or_else(|| {
            (0..upto)
                .rev()
                .take_while(|&i| self.r.mentions[i].span.start >= paragraph_window)
                .find(|&i| self.r.mentions[i].kind == kind && self.r.mentions[i].span.end <= before && fits(i))
        })
    }

    /// Whether organization mention `m` names a public body rather than a firm: its head word is
    /// a commission's, court's, office's or ministry's ("Securities and Exchange Commission",
    /// "Office of Management and Budget"), or it is the
    /// acronym of such a name in the article ("SEC"). "The company says" is none of them.
    fn is_public_body(&self, m: usize) -> bool {
        // A name's head is its last word, or the word before its "of" or "for" ("Office of
        // Management and Budget", "Office for National Statistics").
        let body = |name: &str| {
            let head = [" of ", " for "].iter().filter_map(|p| name.find(p)).min().map_or(name, |at| &name[..at]);
            PUBLIC_BODIES.contains(&head.rsplit(' ').next().unwrap_or("").to_lowercase().as_str())
        };
        let name = self.r.mentions[m].span.of(self.text());
        let acronym = !name.chars().any(char::is_lowercase);
        body(name)
            || acronym
                && self.r.mentions.iter().any(|other| {
                    let long = other.span.of(self.text());
                    other.kind == EntityType::Organization && body(long) && crate::text::is_acronym_of(name, long)
                })
    }

    /// The start of the paragraph before the one holding `at`: an unframed quotation continues a
    /// speaker only that close.
    pub(super) fn previous_paragraph_start(&self, at: usize) -> usize {
        let paragraphs = &self.r.segmented.paragraphs;
        let p = paragraphs.partition_point(|p| p.end < at);
        paragraphs.get(p.saturating_sub(1)).map_or(0, |p| p.start)
    }

    /// Where the sentence two before the one holding `before` starts: a pronoun's nearby window.
    fn recent_start(&self, before: usize) -> usize {
        self.sentences_back(before, 2)
    }

    /// Where the sentence `back` sentences before the one holding `at` starts.
    fn sentences_back(&self, at: usize, back: usize) -> usize {
        let sentences = &self.r.segmented.sentences;
        let here = sentences.partition_point(|s| s.span.end <= at);
        sentences.get(here.saturating_sub(back)).map_or(0, |s| s.span.start)
    }

    /// Where the search for an antecedent stops: three paragraphs back.
    pub(super) fn window_start(&self, at: usize) -> usize {
        let paragraphs = &self.r.segmented.paragraphs;
        let p = paragraphs.partition_point(|p| p.end < at);
        paragraphs.get(p.saturating_sub(3)).map_or(0, |p| p.start)
    }

    /// Claims whose source words name someone that the rules could not pick as their head get
    /// that head, where [`Attributor::head_of_phrase`] finds one.
    pub(super) fn heads_of_sources(&mut self) {
        let heads: Vec<Option<usize>> =
            self.claims.iter().map(|c| c.source_span.filter(|_| c.source.is_none()).and_then(|span| self.named_head(span))).collect();
        for (claim, head) in self.claims.iter_mut().zip(heads) {
            if head.is_some() {
                claim.source = head;
            }
        }
    }

    /// The named head of the source words `span` ([`Attributor::head_of_phrase`]).
    fn named_head(&self, span: Span) -> Option<usize> {
        let (start, end) = (self.token_at(span.start), self.token_at(span.end));
        (start < end).then(|| self.head_of_phrase(start, end, &self.r.mentions_in(span))).flatten()
    }

    /// The named head of a source phrase whose last words name no one: a person whose name opens
    /// it (after titles and roles) and goes on with a preposition, a comma, a dash or a role
    /// ("Peter Saunders of the CMF", "Dr Mike Watts head of exploration", "Mr Hawkins - a
    /// paraplegic himself -"), or an organization that its unnamed insiders speak for
    /// ("Ministry of Defence lawyers", "An Investment Ministry official", "Labour strategists"),
    /// as the news guidelines give officials of a named organization to it.
    fn head_of_phrase(&self, start: usize, end: usize, inner: &[usize]) -> Option<usize> {
        let first = *inner.first()?;
        let mention = &self.r.mentions[first];
        let (from, to) = (self.token_at(mention.span.start), self.token_at(mention.span.end));
        let opens =
            (start..from).all(|k| matches!(self.word(k), "a" | "an" | "the" | "An" | "The") || self.lex.role(self.word(k)).is_some());
        if !opens || to >= end {
            return None;
        }
        // "Halden Telecom's directors", "Mr Berg's official spokesman", "Brightmoor's statement":
        // those who speak for someone, or what they issued, after the possessive.
        if self.tokens()[to].kind == TokenKind::Possessive && to + 1 < end {
            let voice = |w: &str| INSIDERS.contains(&w) || VOICES.contains(&w) || message_or_document(w);
            let modifiers =
                (to + 1..end - 1).all(|k| self.word(k).starts_with(char::is_lowercase) && !matches!(self.word(k), "of" | "and"));
            let speaks = match mention.kind {
                EntityType::Organization => voice(self.word(end - 1)),
                EntityType::Person => PERSONAL_VOICES.contains(&self.word(end - 1)) || message_or_document(self.word(end - 1)),
                EntityType::Place => false,
            };
            return (modifiers && speaks).then_some(first);
        }
        let next = self.word(to);
        match mention.kind {
            // A role that ends the phrase is its head ("a Jackson lawyer", "the Chester chairman").
            EntityType::Person => (matches!(next, "of" | "from" | "at" | "with" | "," | "-" | "–" | "—")
                || self.lex.role(next).is_some() && to + 1 < end)
                .then_some(first),
            EntityType::Organization => {
                let insiders = (to..end).all(|k| INSIDERS.contains(&self.word(k)));
                insiders.then_some(first)
            }
            EntityType::Place => None,
        }
    }

    /// The source named by the noun phrase after "according to".
    pub(super) fn noun_phrase_source(&self, start: usize, end: usize) -> (Option<usize>, Span) {
        let span = self.span(start, end);
        let last_word = self.word(end - 1).to_lowercase();
        let inner = self.r.mentions_in(span);
        if let Some(&m) = inner.last() {
            // "reports from China", "the BBC's Ana Ruiz in Rome": the head names the source.
            if self.r.mentions[m].span.end == span.end
                && let Some(preposition) = self.locative_place(start, m)
            {
                return (self.noun_phrase_source(start, preposition).0, span);
            }
            // "the Nairobi Water and Sanitation Observatory (NWSO)": the acronym closes the name.
            let ends_with_mention = self.r.mentions[m].span.end == span.end
                || span.of(self.text()).ends_with(')') && inner.len() >= 2 && {
                    let before = self.r.mentions[inner[inner.len() - 2]].span.end;
                    self.text()[before..self.r.mentions[m].span.start].trim() == "("
                };
            // "a report released on Monday by the World Health Organization": a document's
            // author is its source.
            let head = if matches!(self.word(start), "a" | "an" | "the" | "its" | "their" | "his" | "her") { start + 1 } else { start };
            let document = head < end && NOMINAL_CUES.contains(&self.word(head));
            // "a Kelso Institute report", "a Reuters news agency report": a document that its
            // author's name modifies.
            if (document || self.authored_by(m, span)) && self.r.mentions[m].kind != EntityType::Place {
                return (Some(m), span);
            }
            // "According to Benoit Joly from broadband firm Thales": the member speaks.
            if let Some(person) = self.member_of(m, start).filter(|_| self.r.mentions[m].span.end == span.end) {
                return (Some(person), span);
            }
            let head_is_org_noun = self.lex.noun_type(&last_word) == Some(EntityType::Organization);
            let possessive = (start..end).any(|k| self.tokens()[k].kind == TokenKind::Possessive);
            let head_is_role = self.lex.role(&last_word).is_some() || self.lex.role(last_word.trim_end_matches('s')).is_some();
            if ends_with_mention || head_is_org_noun || possessive && !head_is_role || self.lex.role(self.word(start)).is_some() {
                return (Some(m), span);
            }
            return (None, span);
        }
        if PRONOUNS.contains(&self.word(start)) && end == start + 1 {
            return (self.resolve_pronoun(&self.word(start).to_lowercase(), span.start), span);
        }
        (self.resolve_description(&last_word, start, span), span)
    }
}

#[cfg(test)]
pub(super) mod tests {
    use crate::extract::Pipeline;
    use crate::ingest::Source;
    use crate::rdf::Iris;
    use crate::resolve::Document;

    /// The name of the source of the claim whose content holds `words`.
    pub(in crate::attribute) fn source_of<'d>(doc: &'d Document, text: &str, words: &str) -> Option<&'d str> {
        let claim = doc.claims.iter().find(|c| c.content.of(text).contains(words)).expect("the claim is found");
        claim.source.map(|e| doc.entities[e].name.as_str())
    }

    /// The content of the claim whose cue is the words `cue`.
    pub(in crate::attribute) fn content_of_cue<'t>(doc: &Document, text: &'t str, cue: &str) -> &'t str {
        let claim = doc.claims.iter().find(|c| c.cue.as_ref().is_some_and(|q| q.span.of(text) == cue)).expect("the claim is found");
        claim.content.of(text)
    }

    /// The source words of the claim whose content holds `words`.
    pub(in crate::attribute) fn source_words_of<'t>(doc: &Document, text: &'t str, words: &str) -> Option<&'t str> {
        let claim = doc.claims.iter().find(|c| c.content.of(text).contains(words)).expect("the claim is found");
        claim.source_span.map(|s| s.of(text))
    }

    #[test]
    fn a_conjunction_opening_the_source_words_is_no_part_of_them() {
        let text = "Port row\n\nThe offer is cash and shares, and a number of dockers have said that it is too low.\n";
        let doc = Pipeline::new(Iris::default()).run(Source::from_text("s.txt", text.to_string()));
        assert_eq!(source_words_of(&doc, text, "too low"), Some("a number of dockers"));
    }

    #[test]
    fn a_book_or_a_lawsuit_speaks_for_its_author_and_shows_nothing() {
        let text = "Memoir row\n\nThe journalist Tom Brandt has written about the talks. Mr Brandt's book claimed that the \
                    minister had lied. Kelso Ferries's lawsuit accused the port of breaking the deal. The skipper has \
                    written a book whilst still finding time to coach young sailors.\n";
        let doc = Pipeline::new(Iris::default()).run(Source::from_text("s.txt", text.to_string()));
        assert_eq!(source_of(&doc, text, "minister had lied"), Some("Tom Brandt"), "{:?}", doc.claims);
        assert_eq!(source_of(&doc, text, "breaking the deal"), Some("Kelso Ferries"), "{:?}", doc.claims);
        assert!(!doc.claims.iter().any(|c| c.content.of(text).contains("coach young")), "{:?}", doc.claims);
    }

    #[test]
    fn a_named_head_of_source_words_is_the_source() {
        let text = "Harbour plan criticised\n\nHarbour Authority lawyers said the deal was legal. Mr Ekland - himself a \
                    former pilot - said the channel was safe.\n";
        let doc = Pipeline::new(Iris::default()).run(Source::from_text("s.txt", text.to_string()));
        let source = |words: &str| source_of(&doc, text, words);
        assert_eq!(source("deal was legal"), Some("Harbour Authority"), "insiders speak for their organization");
        assert_eq!(source("channel was safe"), Some("Ekland"), "a dash apposition: {:?}", doc.entities);
    }

    #[test]
    fn a_lead_description_of_someone_at_a_body_is_the_person_named_after_it() {
        let text = "Chemist admits fault\n\nThe former finance director at drugs firm Norvalis has admitted that he \
                    hid losses.\n\nGiving evidence at the trial of Lars Holm, Peter Brandt said he had been told to keep \
                    quiet.\n";
        let doc = Pipeline::new(Iris::default()).run(Source::from_text("s.txt", text.to_string()));
        assert_eq!(source_of(&doc, text, "hid losses"), Some("Peter Brandt"), "{:?}", doc.claims);
        let alone = "Chemist admits fault\n\nThe former finance director at drugs firm Norvalis has admitted that he \
                     hid losses.\n";
        let doc = Pipeline::new(Iris::default()).run(Source::from_text("s.txt", alone.to_string()));
        assert_eq!(source_of(&doc, alone, "hid losses"), Some("Norvalis"), "no one named after: the body stays");
    }

    #[test]
    fn our_correspondent_is_the_bbc_reporter_who_spoke_last() {
        let text = "Strike talks\n\nA strike is planned, BBC correspondent Ana Ruiz said. Minister Tom Vance said talks \
                    would go on. Our correspondent said no deal had been offered.\n";
        let doc = Pipeline::new(Iris::default()).run(Source::from_text("s.txt", text.to_string()));
        assert_eq!(source_of(&doc, text, "no deal had been offered"), Some("Ana Ruiz"), "{:?}", doc.claims);
    }

    #[test]
    fn a_player_s_position_is_a_role() {
        let text = "Awards\n\nAna Ruiz, who will captain the side this season, was delighted with her award. \"It is a \
                    genuine honour,\" said the Kelso fly-half.\n";
        let doc = Pipeline::new(Iris::default()).run(Source::from_text("s.txt", text.to_string()));
        assert_eq!(source_of(&doc, text, "genuine honour"), Some("Ana Ruiz"), "{:?}", doc.claims);
    }

    #[test]
    fn an_aside_ending_in_a_town_and_its_state_is_skipped() {
        let text = "Rally\n\nAna Ruiz, speaking at a rally in Wilmington, N.C., warned that fares would rise. Jo Brandt, \
                    speaking later at a rally in Charleston, West Virginia, said the plan was dead.\n";
        let doc = Pipeline::new(Iris::default()).run(Source::from_text("s.txt", text.to_string()));
        assert_eq!(source_of(&doc, text, "fares would rise"), Some("Ana Ruiz"), "{:?}", doc.claims);
        assert_eq!(source_of(&doc, text, "plan was dead"), Some("Jo Brandt"), "{:?}", doc.claims);
    }

    #[test]
    fn an_organization_before_a_role_is_not_the_person_the_apposition_names() {
        let text = "Ferry fares to rise\n\nThe service is run by the Royal Northern Harbour Board (RNHB). The RNHB says \
                    other ports charge less. \"There are no technical reasons for these prices,\" said RNHB finance \
                    director, Maria Lindqvist.\n";
        let doc = Pipeline::new(Iris::default()).run(Source::from_text("s.txt", text.to_string()));
        assert_eq!(source_of(&doc, text, "technical reasons"), Some("Maria Lindqvist"), "{:?}", doc.claims);
        assert_eq!(source_of(&doc, text, "ports charge less"), Some("Royal Northern Harbour Board"));
    }

    #[test]
    fn source_words_start_after_the_subordinator_of_their_clause() {
        // The main clause's words before "after" or "as" are not the speaker's; a clause of
        // its own after the subordinator, or a comma before it, keeps the words whole.
        let text = "Port news\n\nA few weeks ago, shares in Nordvik lost a third of their value after Kelso regulators \
                    said they wanted more evidence about the ferry's safety. The pound fell as the harbour police said \
                    the port was unsafe. After the dock workers said the cranes were old, the ferries stopped.\n";
        let doc = Pipeline::new(Iris::default()).run(Source::from_text("s.txt", text.to_string()));
        let words = |content: &str| source_words_of(&doc, text, content);
        assert_eq!(words("more evidence"), Some("Kelso regulators"));
        assert_eq!(words("port was unsafe"), Some("the harbour police"));
        assert_eq!(words("cranes were old"), Some("the dock workers"));
    }

    #[test]
    fn he_after_a_titled_subject_is_that_person() {
        // The parse heads "Mr Okafor" with the title, outside the mention "Okafor": the subject
        // of the sentence before is still the one "he" stands for, not the speaker before that.
        let text = "Detainee speaks\n\nHome Secretary Tom Vance told the Kelso Gazette: \"There will be no inquiry.\" \
                    Mr Okafor is the first of the three men freed last month to speak to a newspaper. He told the \
                    Gazette his worst day was in March.\n";
        let doc = Pipeline::new(Iris::default()).run(Source::from_text("s.txt", text.to_string()));
        assert_eq!(source_of(&doc, text, "worst day"), Some("Okafor"), "{:?}", doc.claims);
    }

    #[test]
    fn a_description_closing_the_sentence_after_a_speech_verb_speaks() {
        // The parse gives "says" the organization before the comma as its subject; the words
        // after the verb that close the sentence are who speaks.
        let text = "Branch row\n\nKelso Labour Association has now been placed on \"special measures\" and is being run \
                    from party headquarters, says a senior party spokesman.\n";
        let doc = Pipeline::new(Iris::default()).run(Source::from_text("s.txt", text.to_string()));
        assert_eq!(source_words_of(&doc, text, "special measures"), Some("a senior party spokesman"), "{:?}", doc.claims);
    }

    #[test]
    fn a_document_or_a_member_names_who_speaks() {
        // A document its author's name modifies speaks for the author ("a Glenmore Institute
        // report"); a person "of the" body speaks for themself, not the body; a statement from a
        // description speaks for what the description stands for.
        let text = "Ports report\n\nSmall ports are closing fast, according to a Glenmore Institute report. Tom Vance of \
                    the Kelso Harbour Trust told the Kelso Gazette the fine was fair.\n\nNorthline Ferries has apologised \
                    for the delays. \"We are sorry,\" read a statement from the ferry firm.\n";
        let doc = Pipeline::new(Iris::default()).run(Source::from_text("s.txt", text.to_string()));
        let claim = |words: &str| doc.claims.iter().find(|c| c.content.of(text).contains(words)).expect("the claim is found");
        let source = |words: &str| claim(words).source.map(|e| doc.entities[e].name.as_str());
        assert_eq!(source("closing fast"), Some("Glenmore Institute"), "{:?}", doc.claims);
        assert_eq!(source("fine was fair"), Some("Tom Vance"), "{:?}", doc.entities);
        assert_eq!(claim("fine was fair").content.of(text), "the fine was fair", "the named hearer is no content");
        assert_eq!(source("We are sorry"), Some("Northline Ferries"), "a statement from a description: {:?}", doc.claims);
    }

    #[test]
    fn a_person_from_or_at_a_body_speaks_for_themself() {
        // Also with words that describe the body between, and after "according to".
        let text = "Ports report\n\nAna Ruiz from the Kelso Harbour Trust said the fine was fair. According to Jo \
                    Brandt from ferry operator Northline Ferries, fares will rise.\n";
        let doc = Pipeline::new(Iris::default()).run(Source::from_text("s.txt", text.to_string()));
        assert_eq!(source_of(&doc, text, "fine was fair"), Some("Ana Ruiz"), "{:?}", doc.claims);
        assert_eq!(source_of(&doc, text, "fares will rise"), Some("Jo Brandt"), "{:?}", doc.claims);
    }

    #[test]
    fn police_is_the_force_the_article_names_later() {
        let text = "Patient escaped\n\nQuestions must be answered about his escape.\n\nPolice said Vance posed a danger to \
                    the public.\n\nThe hospital was criticised by MPs.\n\nThe health board said it would review the case.\n\n\
                    Ministers met on Monday.\n\nKelso Police later confirmed the search had ended.\n";
        let doc = Pipeline::new(Iris::default()).run(Source::from_text("s.txt", text.to_string()));
        assert_eq!(source_of(&doc, text, "posed a danger"), Some("Kelso Police"), "{:?}", doc.claims);
    }

    #[test]
    fn the_company_is_no_public_body_whose_name_opens_with_its_head() {
        // "Office of Management and Budget" is an office by the word before its "of".
        let text = "Norvik Homes bosses go\n\nThe two most senior executives at mortgage giant Norvik Homes have \
                    resigned.\n\nRecent investigations have exposed errors at Norvik Homes. Last week, the firm was \
                    admonished by the Harbour Fares Commission, which said it had made errors.\n\nThe financial \
                    regulator said Norvik Homes would have to raise new capital. Analysts said the criticism made it \
                    impossible for Norvik Homes bosses to remain. Mr Vance, head of the Office of Management and Budget \
                    under the last president, has taken early retirement, the company said on Tuesday.\n";
        let doc = Pipeline::new(Iris::default()).run(Source::from_text("s.txt", text.to_string()));
        assert_eq!(source_of(&doc, text, "early retirement"), Some("Norvik Homes"), "{:?}", doc.claims);
    }

    #[test]
    fn a_spokesman_of_a_plural_name_or_a_word_of_a_name_is_that_body() {
        let text = "Calls row\n\nThe Conservatives have defended their phone campaign. Labour said it broke the rules. \
                    A Conservative spokeswoman said the party stuck to the rules.\n\nThe Scottish Executive has lost \
                    the case. Kelso Council said the ruling was fair. An executive spokesman said the judgement would be \
                    studied.\n";
        let doc = Pipeline::new(Iris::default()).run(Source::from_text("s.txt", text.to_string()));
        assert_eq!(source_of(&doc, text, "stuck to the rules"), Some("Conservative Party"), "{:?}", doc.claims);
        assert_eq!(source_of(&doc, text, "would be studied"), Some("Scottish Executive"), "{:?}", doc.claims);
    }

    #[test]
    fn a_spokesperson_of_a_name_the_recognizer_left_is_the_organization_named_so() {
        // "Delta" is tagged nowhere near the spokesperson; "Delta Airlines" is named later.
        let text = "Attendant fired\n\nA US airline attendant says she has been fired.\n\nAna Ruiz was suspended in \
                    September. In a statement, she said she was taking legal action. A Delta spokesperson confirmed on \
                    Wednesday that Ms Ruiz was no longer an employee. The spokesperson also confirmed that there were \
                    clear rules.\n\nMs Ruiz said she was sad. She said she had hired a lawyer.\n\nDelta Airlines has \
                    been hit by rising fuel costs.\n";
        let doc = Pipeline::new(Iris::default()).run(Source::from_text("s.txt", text.to_string()));
        assert_eq!(source_of(&doc, text, "no longer an employee"), Some("Delta Airlines"), "{:?}", doc.claims);
        assert_eq!(source_of(&doc, text, "clear rules"), Some("Delta Airlines"), "{:?}", doc.claims);
    }

    #[test]
    fn those_who_speak_for_someone_named_or_described_give_them() {
        // "X's aides", "X's agent", "X's office" speak for X; "the prime minister's official
        // spokesman" for whoever "the prime minister" is.
        let text = "Talks go on\n\nPrime Minister Ana Ruiz visited Kelso on Monday. The prime minister's official \
                    spokesman said the harbour plan was sound.\n\nTreasurer Tom Vance flew to Leith. Mr Vance's aides \
                    say he wants to see the new quays.\n\nStriker Paulo Nunes is unhappy. Nunes's agent said the \
                    player wanted a move.\n";
        let doc = Pipeline::new(Iris::default()).run(Source::from_text("s.txt", text.to_string()));
        let source = |words: &str| source_of(&doc, text, words);
        assert_eq!(source("plan was sound"), Some("Ana Ruiz"), "{:?}", doc.claims);
        assert_eq!(source("new quays"), Some("Tom Vance"), "{:?}", doc.claims);
        assert_eq!(source("wanted a move"), Some("Paulo Nunes"), "{:?}", doc.claims);
    }

    #[test]
    fn the_report_is_the_report_quoted_last() {
        let text = "Ports shrink\n\nSmall ports are closing fast, according to a Glenmore Institute report. The report \
                    also said that ferries were getting larger.\n";
        let doc = Pipeline::new(Iris::default()).run(Source::from_text("s.txt", text.to_string()));
        let claim = doc.claims.iter().find(|c| c.content.of(text).contains("ferries")).expect("the claim is found");
        assert_eq!(claim.source.map(|e| doc.entities[e].name.as_str()), Some("Glenmore Institute"), "{:?}", doc.claims);
    }

    #[test]
    fn the_report_is_also_the_study_or_survey_quoted_last() {
        let text = "Ferries\n\nFerry use rose by 9%, according to a report by Selby Analytics. A study by rival Nordmark \
                    Research suggested that fares were falling. The decline was steepest in Norway, said the report. \
                    Research director Ana Ruiz said prices would rise. The report added that fuel was cheap.\n";
        let doc = Pipeline::new(Iris::default()).run(Source::from_text("s.txt", text.to_string()));
        assert_eq!(source_of(&doc, text, "steepest in Norway"), Some("Nordmark Research"), "{:?}", doc.claims);
        assert_eq!(source_of(&doc, text, "fuel was cheap"), Some("Nordmark Research"), "a research director is no study");
    }

    #[test]
    fn a_judgments_gerund_after_in_or_for_is_an_activity() {
        let text = "Port staff were praised for comparing the bids with care. Tom Vance was criticised for insisting \
                    the port would stay open.\n";
        let doc = Pipeline::new(Iris::default()).run(Source::from_text("s.txt", text.to_string()));
        let cues: Vec<&str> = doc.claims.iter().filter_map(|c| c.cue.as_ref()).map(|c| c.span.of(text)).collect();
        assert!(!cues.contains(&"comparing"), "{cues:?}");
        assert!(cues.contains(&"insisting"), "speech stays: {cues:?}");
    }

    #[test]
    fn a_headline_may_name_its_speaker_last_without_a_comma() {
        let text = "Ferry fares too high says Vance\n\nHarbour councillor Tom Vance has said ferry fares are too high.\n";
        let doc = Pipeline::new(Iris::default()).run(Source::from_text("s.txt", text.to_string()));
        let claim = doc.claims.iter().find(|c| c.content.of(text) == "Ferry fares too high").expect("the headline's claim");
        assert_eq!(claim.source_span.map(|s| s.of(text)), Some("Vance"));
        assert_eq!(claim.source.map(|e| doc.entities[e].name.as_str()), Some("Tom Vance"), "{:?}", doc.claims);
    }

    #[test]
    fn a_person_named_after_a_closing_verb_speaks_whatever_the_parse_joins() {
        // "writes Mr Kestrel" after a clause: the writer speaks, not the clause's "He"; "asks"
        // after a comma closes its sentence without quotation marks.
        let text = "Book row\n\nThe leader told Ms Ruiz he would stand down. He had then changed his mind in June, \
                    following advice from allies, writes Mr Kestrel.\n\nYou can now buy new phones, but can we trust \
                    the makers, asks technology analyst Ana Vale.\n";
        let doc = Pipeline::new(Iris::default()).run(Source::from_text("s.txt", text.to_string()));
        let source = |words: &str| source_of(&doc, text, words);
        assert_eq!(source("changed his mind"), Some("Kestrel"), "{:?}", doc.claims);
        assert_eq!(source("trust the makers"), Some("Ana Vale"), "{:?}", doc.claims);
    }

    #[test]
    fn what_a_speaker_does_while_speaking_is_not_their_words() {
        // After a parsed source, as after a name: a participle or a relative clause that
        // reports, not a describing "-ing" word ("acting"); the person such a clause names is
        // not the speaker.
        let text = "Port row\n\n\"The quay is safe,\" says the ferry's captain, going on to list the repairs. A \
                    senior harbour official, speaking to the reporter Tom Vance, said the cranes were old. \"Fares \
                    will rise,\" said Ines Carvalho, acting director of Harbour Watch.\n";
        let doc = Pipeline::new(Iris::default()).run(Source::from_text("s.txt", text.to_string()));
        let words = |content: &str| source_words_of(&doc, text, content);
        assert_eq!(words("quay is safe"), Some("the ferry's captain"));
        assert_eq!(words("cranes were old"), Some("A senior harbour official"));
        assert_ne!(source_of(&doc, text, "cranes were old"), Some("Tom Vance"), "not the reporter");
        assert_eq!(words("Fares will rise"), Some("Ines Carvalho, acting director of Harbour Watch"));
    }

    #[test]
    fn a_they_joined_to_a_party_carries_it_on() {
        let text = "Port row\n\nThe Conservatives insisted they would hold the council to account over the fees. They \
                    said they would also press the mayor over the quay. They added that fees would fall.\n";
        let doc = Pipeline::new(Iris::default()).run(Source::from_text("s.txt", text.to_string()));
        assert_eq!(source_of(&doc, text, "fees would fall"), Some("Conservative Party"), "{:?}", doc.claims);
    }
}
