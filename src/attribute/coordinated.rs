//! Coordinated sources: "Plaid Cymru and the Liberal Democrats said ...", "Pfizer, Merck and GSK
//! said ...". Each name of the coordination is a source, so the claim is repeated for each earlier
//! name, with the same content, cue and source words; the frame found the last name.

use super::*;

/// How many words may stand between a conjunction and the name after it: an article, a title,
/// role and descriptive words ("and the lobby group Guantanamo Human Rights Commission").
const MAX_MODIFIERS: usize = 3;

impl Attributor<'_> {
    /// Adds a copy of each claim for every name coordinated before its source's name, after the
    /// claim; the copies keep the parent of the claim they copy.
    pub(super) fn coordinated_sources(&self, claims: &mut Vec<Claim>) {
        for i in 0..claims.len() {
            for other in self.coordinated_with(&claims[i]) {
                let copy = Claim { source: Some(other), ..claims[i].clone() };
                claims.push(copy);
            }
        }
    }

    /// The mentions coordinated before the claim's source mention, nearest first: people and
    /// organizations joined to it by "and", and those of its own kind in a list of commas before
    /// that. Only a source named in the claim's own source words counts (not one a pronoun
    /// resolved to), and only when those words open with the coordination or a name before it
    /// ("JP Morgan chief executive X and ..."), not with a noun phrase that holds it ("A lawyer
    /// representing X and Y", "allies of X and Y"). ", and" joins clauses in news ("... replacing
    /// Hughes, and Giggs said"), so it is no coordination of names here.
    fn coordinated_with(&self, claim: &Claim) -> Vec<usize> {
        let found = self.coordination(claim);
        let Some((&first, words)) = found.last().zip(claim.source_span) else { return found };
        let prefix: Vec<&str> =
            (self.token_at(words.start)..self.token_at(self.r.mentions[first].span.start)).map(|k| self.word(k)).collect();
        if self.names_or_roles(&prefix) { found } else { Vec::new() }
    }

    /// Whether the words before a coordination name or describe its first member: capitalized
    /// words, roles and titles, "both" and "the" ("Both Amnesty and ...", "said the Harbour Party
    /// and ...", "JP Morgan chief executive X"); other lowercase words only when they open the
    /// source words ("mortgage lender X and ...", not "A lawyer representing X and ..." or "the
    /// research by X and ...").
    fn names_or_roles(&self, words: &[&str]) -> bool {
        let descriptive = words.first().is_some_and(|w| w.starts_with(char::is_lowercase) && !DETERMINERS.contains(w));
        words.iter().all(|w| {
            w.starts_with(char::is_uppercase)
                || matches!(*w, "both" | "Both" | "the")
                || self.lex.role(w).is_some()
                || descriptive && w.chars().all(char::is_lowercase) && !PREPOSITIONS.contains(w) && !DETERMINERS.contains(w)
        })
    }

    /// The mentions joined to the claim's source mention by "and" and commas, nearest first.
    fn coordination(&self, claim: &Claim) -> Vec<usize> {
        let mut found = Vec::new();
        let (Some(m), Some(words)) = (claim.source, claim.source_span) else { return found };
        let Some(source) = self.r.mentions.get(m) else { return found };
        if claim.comment || !words.contains(source.span) || !is_speaker_kind(source.kind) {
            return found;
        }
        let mut start = self.token_at(source.span.start);
        let mut joiner = "and";
        loop {
            let k = self.modifiers_before(start);
            if k == 0 || self.word(k - 1) != joiner {
                return found;
            }
            let Some(n) = (k - 1).checked_sub(1).and_then(|t| self.mention_ending(t)) else { return found };
            let kind = self.r.mentions[n].kind;
            if !is_speaker_kind(kind) || joiner == "," && kind != source.kind || found.contains(&n) || n == m {
                return found;
            }
            found.push(n);
            start = self.token_at(self.r.mentions[n].span.start);
            joiner = ",";
        }
    }

    /// The first of the words before token `start` that may stand between a conjunction and a
    /// name: up to `MAX_MODIFIERS` titles, role words and lowercase words, after an optional
    /// "the".
    fn modifiers_before(&self, start: usize) -> usize {
        let mut k = start;
        while k > 0 && start - k < MAX_MODIFIERS && {
            let w = self.word(k - 1);
            self.tokens()[k - 1].kind == TokenKind::Word
                && w != "and"
                && w != "the"
                && (self.lex.role(w).is_some() || w.chars().all(|c| c.is_lowercase()))
        } {
            k -= 1;
        }
        if k > 0 && matches!(self.word(k - 1), "the" | "The") {
            k -= 1;
        }
        k
    }
}

fn is_speaker_kind(kind: EntityType) -> bool {
    matches!(kind, EntityType::Person | EntityType::Organization)
}
