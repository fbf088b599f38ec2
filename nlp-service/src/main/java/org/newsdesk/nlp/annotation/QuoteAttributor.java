package org.newsdesk.nlp.annotation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntPredicate;

import org.newsdesk.contracts.Annotation;
import org.newsdesk.contracts.Annotation.EntityType;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.CoreSentence;

/**
 * Says who spoke each quote of an English article. It finds the attribution clause next to the quote (after it:
 * "…,” said Tokayev", "…,” he said", "…,” the official said"; before it: "President Tokayev stated that “…”",
 * "According to the head of state, '…'"; inside a dash quote's ending; "cited X as saying"), reads the speaker
 * phrase next to the cue verb, and resolves pronouns ("he") and role nouns ("the official", "the Head of State",
 * "the Kazakh president") to the most recent compatible person named outside quotes, preferring people whose known
 * roles match ("Deputy Prosecutor-General, Zhandos Umiraliyev" is an official) and skipping people who are only
 * the content of someone else's reported speech ("Ukibai said that Nazarbayev…").
 * <p>
 * It must never guess a speaker the text does not point to: a quote nothing attributes keeps a null speaker, and so
 * does one attributed to someone unnamed ("said a BaFin spokeswoman"). The news conventions it does rely on: a quote
 * without an attribution of its own continues the previous quote of its paragraph (a fragment, of its sentence); a
 * name right after an unfinished quote is its speaker; a role nobody is known by ("the actor") means the person the
 * article names most among those of the last three sentences, unless someone unnamed was introduced by that role
 * since. Windows are bounded, so the work is linear in the document's tokens; thread-safe.
 */
public final class QuoteAttributor {

    /** Attribution that follows the quote is read within this many tokens. */
    private static final int POST_WINDOW_TOKENS = 12;
    /** For a quote ending in a full stop, only a cue this close after it can still be its attribution. */
    private static final int STRICT_POST_CUE_TOKENS = 4;
    /** Tokens looked at before and after a person's name for a job title ("Deputy Prosecutor-General, …"). */
    private static final int ROLE_CONTEXT_TOKENS = 5;

    private static final Set<String> HEAD_OF_STATE = Set.of("president", "head of state", "head of the state");
    private static final Set<String> GENERIC_ROLES = Set.of("official", "year-old");
    private static final Set<String> PREPOSITIONS = Set.of("in", "at", "from", "of", "near", "for", "with");
    private static final Set<String> DETERMINERS = Set.of("the", "a", "an", "his", "her", "its", "their", "our");
    private static final Set<String> STOP_AFTER_CUE = Set.of(
            "on", "in", "at", "to", "during", "after", "before", "that", "as", "when", "while", "because", "if",
            "this", "last", "earlier", "later", "and", "but", "for", "with", "by", "from", "about", "told");

    private final KbpGazetteer gazetteer;

    public QuoteAttributor(KbpGazetteer gazetteer) {
        this.gazetteer = Objects.requireNonNull(gazetteer, "gazetteer");
    }

    /** Attributes every candidate; the result has one quote per candidate, in the same order. */
    public List<Annotation.Quote> attribute(CoreDocument doc, List<Annotation.Entity> entities,
            List<QuoteExtractor.Candidate> candidates) {
        if (candidates.isEmpty()) {
            return List.of();
        }
        return new Attribution(doc, entities, candidates).run();
    }

    /** Quotes with no speaker, for texts in a language whose speech verbs and names are not modelled. */
    public static List<Annotation.Quote> unattributed(String text, List<QuoteExtractor.Candidate> candidates) {
        List<Annotation.Quote> quotes = new ArrayList<>(candidates.size());
        for (QuoteExtractor.Candidate c : candidates) {
            quotes.add(new Annotation.Quote(c.start(), c.end(), text.substring(c.start(), c.end()), c.partial(), null,
                    null, null));
        }
        return quotes;
    }

    // ---------------------------------------------------------------- speaker references

    /** What the attribution clause points at, before resolution. */
    private sealed interface Ref permits Named, Pronoun, Role, None {
    }

    private record Named(int entity) implements Ref {
    }

    private record Pronoun(char gender) implements Ref {
    }

    /** A role noun phrase ("the official") starting at token {@code first}. */
    private record Role(String title, int first) implements Ref {
    }

    private record None() implements Ref {
    }

    private static final Ref NONE = new None();

    /** A cue found in a window: its tokens and what its speaker phrase points at. */
    private record Cue(int first, int last, Ref ref) {
    }

    private record RoleMatch(int first, String title) {
    }

    /** Where one token's mention is: which entity, of what type, from which token to which. */
    private record MentionRef(int entity, EntityType type, int first, int last) {
    }

    /** The result for one quote, kept so that follow-on quotes can inherit it. */
    private record Result(int entity, String cue, Integer cueStart) {
    }

    // ---------------------------------------------------------------- one document

    /** All per-document state; built and discarded by one {@link #attribute} call. */
    private final class Attribution {
        private final String text;
        private final List<Annotation.Entity> entities;
        private final List<QuoteExtractor.Candidate> candidates;
        private final List<Annotation.Span> paragraphs;

        private final int n;
        private final int[] begin;
        private final int[] end;
        private final String[] lower;
        private final int[] sentence;
        private final int[] sentenceFirst;
        private final int[] sentenceEnd;
        private final int[] mentionAt;
        private final List<MentionRef> mentions = new ArrayList<>();
        private final boolean[] quoted;
        private final List<Set<String>> roles;
        private final char[] gender;
        /** PERSON mentions that can be antecedents, in text order (indices into {@link #mentions}). */
        private int[] antecedents;
        /** Each person's surname (lower case) → entity, or -1 when two people share it. */
        private final java.util.Map<String, Integer> surnames = new java.util.HashMap<>();

        Attribution(CoreDocument doc, List<Annotation.Entity> entities, List<QuoteExtractor.Candidate> candidates) {
            this.text = doc.text();
            this.entities = entities;
            this.candidates = candidates;
            this.paragraphs = Paragraphs.split(text);
            List<CoreLabel> tokens = doc.tokens();
            n = tokens.size();
            begin = new int[n];
            end = new int[n];
            lower = new String[n];
            sentence = new int[n];
            for (int i = 0; i < n; i++) {
                CoreLabel t = tokens.get(i);
                begin[i] = t.beginPosition();
                end[i] = t.endPosition();
                lower[i] = t.originalText().toLowerCase(Locale.ROOT);
            }
            List<CoreSentence> sentences = doc.sentences();
            sentenceFirst = new int[sentences.size()];
            sentenceEnd = new int[sentences.size()];
            int tok = 0;
            for (int s = 0; s < sentences.size(); s++) {
                sentenceFirst[s] = tok;
                tok += sentences.get(s).tokens().size();
                sentenceEnd[s] = tok;
                Arrays.fill(sentence, sentenceFirst[s], Math.min(tok, n), s);
            }
            mentionAt = new int[n];
            Arrays.fill(mentionAt, -1);
            quoted = new boolean[n];
            roles = new ArrayList<>(entities.size());
            for (int e = 0; e < entities.size(); e++) {
                roles.add(new HashSet<>(2));
            }
            gender = new char[entities.size()];
            indexMentions();
            indexSurnames();
            markQuotedTokens();
            learnRolesAndGender();
            findAntecedents();
        }

        List<Annotation.Quote> run() {
            List<Annotation.Quote> quotes = new ArrayList<>(candidates.size());
            Result previous = null;
            QuoteExtractor.Candidate previousCandidate = null;
            for (int q = 0; q < candidates.size(); q++) {
                QuoteExtractor.Candidate c = candidates.get(q);
                Result r = attributeOne(q, c);
                if (r == null && previous != null && follows(previousCandidate, c)) {
                    r = previous;
                }
                if (r == null) {
                    r = namedRightAfter(c);
                }
                Annotation.Speaker speaker = null;
                if (r != null && r.entity() >= 0) {
                    Annotation.Entity e = entities.get(r.entity());
                    speaker = new Annotation.Speaker(e.id(), e.name());
                }
                quotes.add(new Annotation.Quote(c.start(), c.end(), text.substring(c.start(), c.end()), c.partial(),
                        speaker, r == null ? null : r.cue(), r == null ? null : r.cueStart()));
                previous = r;
                previousCandidate = c;
            }
            return quotes;
        }

        private Result attributeOne(int q, QuoteExtractor.Candidate c) {
            if (c.hasTail()) {
                int lo = firstTokenAtOrAfter(c.tailStart());
                int hi = firstTokenAtOrAfter(c.tailEnd());
                return result(firstCue(lo, hi, false, Integer.MAX_VALUE), c.outerStart());
            }
            if (c.form() == QuoteExtractor.Form.DASH) {
                // A dash quote without an ending of its own, after a paragraph that ends with a colon.
                int hi = firstTokenAtOrAfter(c.outerStart());
                if (hi == 0 || !lower[hi - 1].equals(":")) {
                    return null;
                }
                int lo = sentenceFirst[sentence[hi - 1]];
                Cue cue = lastCue(lo, hi, false);
                if (cue == null) {
                    cue = colonIntroduction(c, lo, hi);
                }
                return cue == null ? null : result(cue, begin[cue.first()]);
            }
            int postLo = firstTokenAtOrAfter(c.outerEnd());
            int postHi = postWindowEnd(q, c, postLo);
            int preHi = firstTokenAtOrAfter(c.outerStart());
            int preLo = preWindowStart(q, c, preHi);
            if (preLo == preHi && preHi > 0 && lower[preHi - 1].equals(":")) {
                // A quote that opens its paragraph, introduced by the previous one: "He told reporters:"
                int previousEnd = q > 0 ? firstTokenAtOrAfter(candidates.get(q - 1).outerEnd()) : 0;
                preLo = Math.max(sentenceFirst[sentence[preHi - 1]], previousEnd);
            }
            char last = text.charAt(c.end() - 1);
            boolean terminal = last == '.' || last == '!' || last == '?' || last == '…';
            Cue cue;
            int anchor;
            boolean comma = last == ',';
            if ((c.partial() || terminal) && !comma) {
                cue = lastCue(preLo, preHi, c.partial());
                anchor = cue == null ? c.outerStart() : begin[cue.first()];
                if (cue == null) {
                    cue = strict(firstCue(postLo, postHi, false, STRICT_POST_CUE_TOKENS), postHi);
                    anchor = c.outerStart();
                }
            } else {
                cue = firstCue(postLo, postHi, false, Integer.MAX_VALUE);
                anchor = c.outerStart();
                if (cue == null) {
                    cue = lastCue(preLo, preHi, false);
                    anchor = cue == null ? anchor : begin[cue.first()];
                }
            }
            if (cue != null) {
                return result(cue, anchor);
            }
            Cue colon = colonIntroduction(c, preLo, preHi);
            return colon == null ? null : result(colon, begin[colon.first()]);
        }

        private Result result(Cue cue, int anchor) {
            if (cue == null) {
                return null;
            }
            int entity = resolve(cue.ref(), anchor);
            return new Result(entity, text.substring(begin[cue.first()], end[cue.last()]), begin[cue.first()]);
        }

        // ------------------------------------------------------------ windows

        /** After the closing mark, up to the end of the sentence, the next quote or the paragraph. */
        private int postWindowEnd(int q, QuoteExtractor.Candidate c, int lo) {
            int limit = q + 1 < candidates.size() ? candidates.get(q + 1).outerStart() : Integer.MAX_VALUE;
            int paraEnd = paragraphEnd(c.outerEnd());
            int hi = lo;
            while (hi < n && hi - lo < POST_WINDOW_TOKENS && begin[hi] < limit && begin[hi] < paraEnd) {
                String w = lower[hi];
                if (w.equals(".") || w.equals("!") || w.equals("?")) {
                    break;
                }
                hi++;
            }
            return hi;
        }

        /** Before the opening mark, back to the sentence start, the previous quote or the paragraph start. */
        private int preWindowStart(int q, QuoteExtractor.Candidate c, int hi) {
            if (hi >= n || hi == 0) {
                return hi;
            }
            int lo = sentenceFirst[sentence[hi]];
            int bound = paragraphStart(c.outerStart());
            if (q > 0) {
                bound = Math.max(bound, candidates.get(q - 1).outerEnd());
                if (candidates.get(q - 1).hasTail()) {
                    bound = Math.max(bound, candidates.get(q - 1).tailEnd());
                }
            }
            while (lo < hi && begin[lo] < bound) {
                lo++;
            }
            return lo;
        }

        // ------------------------------------------------------------ cues

        private Cue firstCue(int lo, int hi, boolean characterising, int maxDistance) {
            for (int i = lo; i < hi && i - lo < maxDistance; i++) {
                Cue cue = cueAt(i, lo, hi, characterising);
                if (cue != null) {
                    return cue;
                }
            }
            return null;
        }

        /**
         * The cue of the clause that introduces a quote: the first cue before it whose speaker can be read (the main
         * clause: "Kirkwood said that when Johnson had announced …, he got the 'clear impression'"), else the
         * closest cue, whose speaker stays unknown.
         */
        private Cue lastCue(int lo, int hi, boolean characterising) {
            Cue closest = null;
            Cue firstNamed = null;
            for (int i = lo; i < hi; i++) {
                Cue cue = cueAt(i, lo, hi, characterising);
                if (cue != null) {
                    closest = cue;
                    if (firstNamed == null && !(cue.ref() instanceof None)) {
                        firstNamed = cue;
                    }
                }
            }
            return firstNamed != null ? firstNamed : closest;
        }

        /**
         * For a quote that ended its sentence, a following clause counts only if it clearly names a speaker and
         * ends right after the verb ("… .” Ukibai said."); "The chancellor has said that the cuts…" is news of its
         * own.
         */
        private Cue strict(Cue cue, int hi) {
            if (cue == null || cue.ref() instanceof None) {
                return null;
            }
            int after = cue.last() + 1;
            if (cue.ref() instanceof Named named) {
                // "…", says Mr Donofrio.": the name follows the verb, maybe behind a title.
                for (int t = after; t < Math.min(hi, after + 3); t++) {
                    if (personAt(t) == named.entity()) {
                        return cue;
                    }
                }
            }
            boolean clauseEnds = after >= hi || after >= n || !Character.isLetterOrDigit(lower[after].charAt(0))
                    || (STOP_AFTER_CUE.contains(lower[after]) && !lower[after].equals("that"));
            return clauseEnds ? cue : null;
        }

        private Cue cueAt(int i, int lo, int hi, boolean characterising) {
            if (quoted[i]) {
                return null;
            }
            String w = lower[i];
            if (w.equals("according") && i + 1 < hi && lower[i + 1].equals("to")) {
                return new Cue(i, i + 1, subjectAfter(i + 1, hi, false));
            }
            if (SpeechCues.isCitingVerb(w)) {
                for (int j = i + 1; j < hi - 1 && j <= i + 8; j++) {
                    if (lower[j].equals("as") && (lower[j + 1].equals("saying") || lower[j + 1].equals("telling")
                            || lower[j + 1].equals("writing"))) {
                        return new Cue(i, i, subjectAfter(i, j, true));
                    }
                }
                return null;
            }
            if (!SpeechCues.isSpeechVerb(w) && !(characterising && SpeechCues.isCharacterisingVerb(w))) {
                return null;
            }
            if (i > lo && isPassiveMarker(lower[i - 1], SpeechCues.isCharacterisingVerb(w))) {
                // "Steel and Morris, dubbed the “McLibel Two”", "he was told": named or addressed, not speaking.
                return null;
            }
            Ref ref = subjectBefore(i, lo);
            if (ref instanceof None && (isWindowStart(i, lo) || (i > lo && lower[i - 1].equals(",")))) {
                // Inverted order straight after the quote ("…, – said President Kassym-Jomart Tokayev.") or in a
                // parenthesis ("there will be, says Mr Donofrio, no value in being “computer illiterate”").
                ref = subjectAfter(i, hi, true);
            }
            return new Cue(i, i, ref);
        }

        private boolean isPassiveMarker(String previous, boolean characterising) {
            return (characterising && previous.equals(",")) || previous.equals("was") || previous.equals("were")
                    || previous.equals("been") || previous.equals("being") || previous.equals("be")
                    || previous.equals("is") || previous.equals("are");
        }

        private boolean isWindowStart(int i, int lo) {
            for (int j = lo; j < i; j++) {
                if (Character.isLetterOrDigit(lower[j].charAt(0))) {
                    return false;
                }
            }
            return true;
        }

        /**
         * The speaker phrase ending just before the verb at {@code cue}: a name ("President Tokayev noted"), a name
         * with an apposition ("Umiraliyev, also warned"; "Ukibai, his press secretary, said"), a pronoun or a role.
         */
        private Ref subjectBefore(int cue, int lo) {
            int i = cue - 1;
            while (i >= lo && SpeechCues.isSpeakerVerbFiller(lower[i])) {
                i--;
            }
            boolean comma = i >= lo && lower[i].equals(",");
            if (comma) {
                i--;
                while (i >= lo && SpeechCues.isSpeakerVerbFiller(lower[i])) {
                    i--;
                }
            }
            if (i < lo || quoted[i]) {
                return NONE;
            }
            if (lower[i].equals("and") || lower[i].equals("but")
                    || (comma && lower[cue].endsWith("ing") && !lower[cue].equals("according"))) {
                // "Euronext said …, but added that:", "Brown issued a rallying cry, telling supporters": the
                // speaker is the subject of the clause the cue hangs on.
                return clauseSubject(cue, lo);
            }
            int person = personAt(i);
            if (person >= 0) {
                return new Named(person);
            }
            MentionRef m = mentionAt[i] >= 0 ? mentions.get(mentionAt[i]) : null;
            if (comma) {
                Ref apposed = personBeforeApposition(i, lo);
                if (apposed != null) {
                    return apposed;
                }
            }
            if (m != null) {
                if (m.type() == EntityType.MISC) {
                    return NONE;
                }
                if (m.first() > lo && PREPOSITIONS.contains(lower[m.first() - 1])) {
                    // "Caselitz, president of the division at Siemens says": the name after the preposition only
                    // completes a title; "a detainee in Woodhill Prison said": a place only says where.
                    Ref apposed = unclosedApposition(cue, lo);
                    if (!(apposed instanceof None) || m.type() == EntityType.LOCATION) {
                        return apposed;
                    }
                }
                return new Named(m.entity());
            }
            char g = SpeechCues.subjectPronounGender(lower[i]);
            if (g != 0) {
                return new Pronoun(g);
            }
            int head = i;
            if (head - 2 >= lo && lower[head - 1].equals("of") && Character.isLowerCase(lower[head].charAt(0))
                    && roleEndingAt(head, lo) == null) {
                // "Dr Mike Watts head of exploration said": the role is "head", "of exploration" qualifies it.
                head -= 2;
            }
            RoleMatch role = roleEndingAt(head, lo);
            if (role == null) {
                return unclosedApposition(cue, lo);
            }
            int before = role.first() - 1;
            if (before >= lo && !quoted[before] && personAt(before) >= 0) {
                return new Named(personAt(before));
            }
            return new Role(role.title(), role.first());
        }

        /**
         * "Christoph Caselitz, president of the mobile networks division at the firm says": an apposition whose
         * closing comma the writer left out: a person, a comma, then a title, within ten tokens of the verb.
         */
        private Ref unclosedApposition(int cue, int lo) {
            for (int k = cue - 2; k > lo && cue - k <= 10; k--) {
                if (quoted[k] || SpeechCues.isSpeechVerb(lower[k])) {
                    return NONE;
                }
                if (lower[k].equals(",")) {
                    int title = k + 1;
                    while (title < cue && DETERMINERS.contains(lower[title])) {
                        title++;
                    }
                    boolean titled = false;
                    for (int t = title; t < Math.min(cue, title + 4) && !titled; t++) {
                        RoleMatch role = roleEndingAt(t, title);
                        titled = role != null && role.first() == title;
                    }
                    return titled && personAt(k - 1) >= 0 ? new Named(personAt(k - 1)) : NONE;
                }
            }
            return NONE;
        }

        /**
         * The first person (else organisation or place) named in the sentence before the cue, outside quotes; the
         * whole sentence counts, even before an earlier quote ("Kapranos said there was "hostility", adding: …").
         */
        private Ref clauseSubject(int cue, int lo) {
            int from = sentenceFirst[sentence[cue]];
            Ref other = NONE;
            for (int k = from; k < cue; k++) {
                if (quoted[k]) {
                    continue;
                }
                int person = personAt(k);
                if (person >= 0) {
                    return new Named(person);
                }
                if (other instanceof None && mentionAt[k] >= 0
                        && mentions.get(mentionAt[k]).type() != EntityType.MISC) {
                    other = new Named(mentions.get(mentionAt[k]).entity());
                }
                if (other instanceof None && k == from && SpeechCues.subjectPronounGender(lower[k]) != 0) {
                    other = new Pronoun(SpeechCues.subjectPronounGender(lower[k]));
                }
            }
            if (other instanceof None) {
                // "The actor repeatedly refused, throwing the book at her and saying:"
                int k = from;
                while (k < cue && DETERMINERS.contains(lower[k])) {
                    k++;
                }
                for (int t = k; t < Math.min(cue, k + 3); t++) {
                    RoleMatch role = roleEndingAt(t, k);
                    if (role != null && role.first() == k && !continuesNounPhrase(t + 1, cue)) {
                        return new Role(role.title(), role.first());
                    }
                }
            }
            return other;
        }

        /** "Paul Sheard, chief economist at Lehman Brothers, said": the person before the apposition's comma. */
        private Ref personBeforeApposition(int i, int lo) {
            for (int j = i; j > lo && i - j <= 8; j--) {
                if (quoted[j]) {
                    return null;
                }
                if (lower[j].equals(",")) {
                    int k = j - 1;
                    int person = k >= lo ? personAt(k) : -1;
                    return person >= 0 ? new Named(person) : null;
                }
            }
            return null;
        }

        /**
         * The speaker phrase right after a cue: "said President Kassym-Jomart Tokayev", "said economy minister
         * Heizo Takenaka", "added the 30-year-old", "according to the head of state".
         */
        private Ref subjectAfter(int cue, int hi, boolean allowPronoun) {
            Ref fallback = NONE;
            int content = 0;
            for (int j = cue + 1; j < hi && j <= cue + 7; j++) {
                if (quoted[j]) {
                    break;
                }
                String w = lower[j];
                if (DETERMINERS.contains(w) && content == 0) {
                    continue;
                }
                if (STOP_AFTER_CUE.contains(w) || w.equals(",") || w.equals(".") || w.equals(":")
                        || w.equals(";")) {
                    break;
                }
                int person = personAt(j);
                if (person >= 0) {
                    return new Named(person);
                }
                if (mentionAt[j] >= 0) {
                    MentionRef m = mentions.get(mentionAt[j]);
                    if (m.type() != EntityType.MISC && fallback instanceof None) {
                        fallback = new Named(m.entity());
                    }
                    j = m.last();
                    content++;
                    continue;
                }
                if (content == 0 && allowPronoun && SpeechCues.subjectPronounGender(w) != 0) {
                    return new Pronoun(SpeechCues.subjectPronounGender(w));
                }
                RoleMatch role = roleEndingAt(j, cue + 1);
                if (role != null && !(fallback instanceof Named) && endsNounPhrase(j + 1, hi)) {
                    fallback = new Role(role.title(), role.first());
                } else if (fallback instanceof Role && !endsNounPhrase(j, hi)) {
                    // "according to the official TV": the title was a modifier of another noun.
                    fallback = NONE;
                }
                content++;
            }
            return fallback;
        }

        /** "The actor's friend", "the actor Marlon Brando": the title only qualifies what follows. */
        private boolean continuesNounPhrase(int j, int hi) {
            if (j >= hi || j >= n) {
                return false;
            }
            String w = lower[j];
            return w.equals("'s") || w.equals("’s") || Character.isUpperCase(text.charAt(begin[j]))
                    || roleEndingAt(j, j) != null;
        }

        /** Whether the noun phrase ends before token j: "the official said", "the official, who", not "official TV". */
        private boolean endsNounPhrase(int j, int hi) {
            if (j >= hi || j >= n) {
                return true;
            }
            String w = lower[j];
            return !Character.isLetterOrDigit(w.charAt(0)) || STOP_AFTER_CUE.contains(w) || personAt(j) >= 0
                    || SpeechCues.isSpeechVerb(w) || w.equals("who");
        }

        /**
         * Whether a quote without an attribution of its own goes on with the previous one: a continuation, a full
         * quote later in the same paragraph ("…,” said Campbell. “We are up for this one.”), or a fragment in the
         * same sentence as the previous quote ("told the BBC there was “no doubt” that chip and pin would “reduce
         * card fraud”").
         */
        private boolean follows(QuoteExtractor.Candidate previous, QuoteExtractor.Candidate c) {
            if (previous == null) {
                return false;
            }
            if (!c.partial()) {
                return c.continuation() || c.paragraph() == previous.paragraph();
            }
            int a = firstTokenAtOrAfter(previous.outerStart());
            int b = firstTokenAtOrAfter(c.outerStart());
            return a < n && b < n && sentence[a] == sentence[b];
        }

        /**
         * A speaker right after the closing mark without a recognised verb: "“…conversations “Ukibai made the
         * following statement." Only for a quote that did not end its sentence: after "…moments.” Kenteris won…"
         * the name starts news of its own.
         */
        private Result namedRightAfter(QuoteExtractor.Candidate c) {
            char last = text.charAt(c.end() - 1);
            if (last == '.' || last == '!' || last == '?' || last == '…' || c.hasTail()) {
                return null;
            }
            int lo = firstTokenAtOrAfter(c.outerEnd());
            if (lo >= n || begin[lo] - c.outerEnd() > 2) {
                return null;
            }
            int person = personAt(lo);
            return person >= 0 ? new Result(person, null, null) : null;
        }

        /** "Smith disagreed: “…”": the subject of a clause that ends with the colon introducing the quote. */
        private Cue colonIntroduction(QuoteExtractor.Candidate c, int lo, int hi) {
            if (hi - lo < 2 || !lower[hi - 1].equals(":")) {
                return null;
            }
            int i = lo;
            while (i < hi && DETERMINERS.contains(lower[i])) {
                i++;
            }
            Ref ref = NONE;
            if (personAt(i) >= 0) {
                ref = new Named(personAt(i));
            } else if (SpeechCues.subjectPronounGender(lower[i]) != 0) {
                ref = new Pronoun(SpeechCues.subjectPronounGender(lower[i]));
            } else {
                for (int j = i; j < Math.min(hi - 1, i + 4); j++) {
                    RoleMatch role = roleEndingAt(j, i);
                    if (role != null) {
                        ref = new Role(role.title(), role.first());
                    }
                }
            }
            return ref instanceof None ? null : new Cue(hi - 2, hi - 2, ref);
        }

        /** The longest job title ending at token i ("head of state", "press secretary", "president"). */
        private RoleMatch roleEndingAt(int i, int lo) {
            if (i < lo || !Character.isLetter(lower[i].charAt(0))) {
                return null;
            }
            for (int k = Math.max(lo, i - 4); k <= i; k++) {
                String phrase = KbpGazetteer.key(text.substring(begin[k], end[i]));
                if (gazetteer.isTitle(phrase)) {
                    return new RoleMatch(k, phrase);
                }
            }
            // "the 30-year-old", however the tokenizer split it.
            if (lower[i].equals("old") && i >= 4 && i - 4 >= lo && lower[i - 1].equals("-")
                    && lower[i - 2].equals("year") && lower[i - 3].equals("-")
                    && Character.isDigit(lower[i - 4].charAt(0))) {
                return new RoleMatch(i - 4, "year-old");
            }
            if (lower[i].endsWith("-year-old") && Character.isDigit(lower[i].charAt(0))) {
                return new RoleMatch(i, "year-old");
            }
            return null;
        }

        // ------------------------------------------------------------ resolution

        private int resolve(Ref ref, int anchor) {
            return switch (ref) {
                case Named named -> named.entity();
                case Pronoun p -> antecedent(anchor, e -> gender[e] == 0 || gender[e] == p.gender());
                case Role r -> {
                    int byRole = antecedent(anchor, e -> hasRole(e, r.title()));
                    if (byRole >= 0) {
                        yield byRole;
                    }
                    int named = namedLater(anchor, r.title());
                    if (named >= 0) {
                        yield named;
                    }
                    int anyone = protagonistNear(anchor);
                    yield anyone >= 0 && !unnamedRoleSince(anyone, r) ? anyone : -1;
                }
                case None none -> -1;
            };
        }

        /**
         * The most recent sentence before {@code anchor} that names a compatible person outside quotes, and in it
         * the first such person (the subject, more often than not).
         */
        private int antecedent(int anchor, IntPredicate compatible) {
            int lo = 0;
            int hi = antecedents.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (begin[mentions.get(antecedents[mid]).first()] < anchor) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            for (int j = lo - 1; j >= 0; j--) {
                MentionRef m = mentions.get(antecedents[j]);
                if (!compatible.test(m.entity())) {
                    continue;
                }
                int s = sentence[m.first()];
                MentionRef best = m;
                for (int k = j - 1; k >= 0; k--) {
                    MentionRef earlier = mentions.get(antecedents[k]);
                    if (sentence[earlier.first()] != s) {
                        break;
                    }
                    if (compatible.test(earlier.entity()) && !modifiesNextName(earlier, best)
                            && !isPossessive(earlier)) {
                        best = earlier;
                    }
                }
                return best.entity();
            }
            return -1;
        }

        /** "about Mr Smith's position Mr Johnson told": a possessive name is not the sentence's subject. */
        private boolean isPossessive(MentionRef name) {
            int next = name.last() + 1;
            return next < n && (lower[next].equals("'s") || lower[next].equals("’s") || lower[next].equals("'"));
        }

        /**
         * "Franz Ferdinand frontman Alex Kapranos": a name followed only by a title and another name qualifies that
         * name (the NER often takes bands, teams and firms for people) and is not the sentence's subject.
         */
        private boolean modifiesNextName(MentionRef name, MentionRef next) {
            int gap = next.first() - name.last() - 1;
            if (gap < 1 || gap > 3) {
                return false;
            }
            RoleMatch role = roleEndingAt(next.first() - 1, name.last() + 1);
            return role != null && role.first() == name.last() + 1;
        }

        /**
         * Who "the actor" or "the defender" most likely is when nobody is known by that title: of the people named
         * (outside quotes) in the last three sentences before the anchor, the one the article names most often,
         * the most recent on a tie.
         */
        private int protagonistNear(int anchor) {
            int anchorToken = Math.min(firstTokenAtOrAfter(anchor), n - 1);
            int fromSentence = anchorToken < 0 ? 0 : sentence[anchorToken] - 3;
            int best = -1;
            int bestCount = 0;
            // Mentions are in text order: walk back from the anchor over the last three sentences only.
            for (int i = firstMentionAtOrAfter(anchor) - 1; i >= 0; i--) {
                MentionRef m = mentions.get(i);
                if (sentence[m.first()] < fromSentence) {
                    break;
                }
                if (m.type() != EntityType.PERSON || quoted[m.first()]) {
                    continue;
                }
                int count = entities.get(m.entity()).mentions().size();
                if (count > bestCount) {
                    best = m.entity();
                    bestCount = count;
                }
            }
            return best >= 0 ? best : antecedent(anchor, e -> true);
        }

        /**
         * "…, the economy minister said. … said economy minister Heizo Takenaka": the first person after the
         * anchor, in the same or the next paragraph, whose own title is the role's.
         */
        private int namedLater(int anchor, String title) {
            if (GENERIC_ROLES.contains(title)) {
                return -1;
            }
            int limit = paragraphEnd(paragraphEnd(anchor) + 1);
            for (int m : antecedents) {
                MentionRef ref = mentions.get(m);
                int at = begin[ref.first()];
                if (at <= anchor) {
                    continue;
                }
                if (at >= limit) {
                    break;
                }
                if (roles.get(ref.entity()).contains(title)) {
                    return ref.entity();
                }
            }
            return -1;
        }

        /**
         * Whether the role was introduced for someone unnamed after the person a fallback would pick: "A
         * spokesman for the Home Office said …" makes a later "the spokesman" that spokesman, not the last name.
         */
        private boolean unnamedRoleSince(int entity, Role role) {
            String head = lastWord(role.title());
            for (int k = role.first() - 1; k >= 0; k--) {
                if (mentionAt[k] >= 0 && mentions.get(mentionAt[k]).entity() == entity) {
                    return false;
                }
                if (quoted[k] || !lower[k].equals(head)) {
                    continue;
                }
                RoleMatch match = roleEndingAt(k, Math.max(0, k - 4));
                boolean named = (k + 1 < n && personAt(k + 1) >= 0)
                        || (match != null && match.first() > 0 && personAt(match.first() - 1) >= 0)
                        || (k + 2 < n && lower[k + 1].equals(",") && personAt(k + 2) >= 0);
                if (!named) {
                    return true;
                }
            }
            return false;
        }

        private boolean hasRole(int entity, String title) {
            Set<String> known = roles.get(entity);
            if (known.isEmpty()) {
                return false;
            }
            if (GENERIC_ROLES.contains(title)) {
                return true;
            }
            if (HEAD_OF_STATE.contains(title)) {
                return known.stream().anyMatch(HEAD_OF_STATE::contains);
            }
            if (title.equals("leader")) {
                return known.stream().anyMatch(r -> HEAD_OF_STATE.contains(r) || r.endsWith("leader"));
            }
            String head = lastWord(title);
            return known.stream().anyMatch(r -> r.equals(title) || lastWord(r).equals(head));
        }

        // ------------------------------------------------------------ indexing

        private void indexMentions() {
            List<int[]> spans = new ArrayList<>();
            for (int e = 0; e < entities.size(); e++) {
                for (Annotation.Mention m : entities.get(e).mentions()) {
                    spans.add(new int[] {m.start(), m.end(), e});
                }
            }
            spans.sort((a, b) -> Integer.compare(a[0], b[0]));
            int t = 0;
            for (int[] span : spans) {
                while (t < n && end[t] <= span[0]) {
                    t++;
                }
                int first = t;
                int last = t;
                while (last + 1 < n && begin[last + 1] < span[1]) {
                    last++;
                }
                if (first >= n || begin[first] >= span[1]) {
                    continue;
                }
                int idx = mentions.size();
                mentions.add(new MentionRef(span[2], entities.get(span[2]).type(), first, last));
                for (int k = first; k <= last; k++) {
                    mentionAt[k] = idx;
                }
            }
        }

        private void indexSurnames() {
            for (int e = 0; e < entities.size(); e++) {
                Annotation.Entity entity = entities.get(e);
                if (entity.type() != EntityType.PERSON) {
                    continue;
                }
                String surname = lastWord(entity.name().toLowerCase(Locale.ROOT));
                int entityIndex = e;
                surnames.merge(surname, e, (a, b) -> a == entityIndex ? a : -1);
            }
        }

        /**
         * The person named at token i: a PERSON mention, or a capitalised word that is the surname of exactly one
         * person of the article (the NER misses names glued to a stray quote mark: "“Ukibai made…").
         */
        private int personAt(int i) {
            if (mentionAt[i] >= 0) {
                MentionRef m = mentions.get(mentionAt[i]);
                return m.type() == EntityType.PERSON ? m.entity() : -1;
            }
            if (!Character.isUpperCase(text.charAt(begin[i]))) {
                return -1;
            }
            Integer e = surnames.get(lower[i]);
            return e == null ? -1 : e;
        }

        private void markQuotedTokens() {
            for (QuoteExtractor.Candidate c : candidates) {
                int from = c.form() == QuoteExtractor.Form.MARKED ? c.outerStart() : c.start();
                int to = c.form() == QuoteExtractor.Form.MARKED ? c.outerEnd() : c.end();
                int t = firstTokenAtOrAfter(from);
                while (t < n && begin[t] < to) {
                    quoted[t++] = true;
                }
            }
        }

        /** Job titles next to each person's name, and the gender a "Mr"/"Mrs" gives away. */
        private void learnRolesAndGender() {
            for (MentionRef m : mentions) {
                if (m.type() != EntityType.PERSON || quoted[m.first()]) {
                    continue;
                }
                int s = sentence[m.first()];
                int lo = Math.max(sentenceFirst[s], m.first() - ROLE_CONTEXT_TOKENS);
                int i = m.first() - 1;
                if (i >= lo) {
                    char g = honorificGender(lower[i]);
                    if (g != 0) {
                        gender[m.entity()] = g;
                    }
                }
                if (i >= lo && lower[i].equals(",")) {
                    i--;
                }
                // A title before a possessive belongs to the possessor: "the actor's friend Budd Schulberg".
                while (i >= lo && !quoted[i] && mentionAt[i] < 0 && isRoleContext(lower[i])
                        && !lower[i].equals("'s") && !lower[i].equals("’s")) {
                    RoleMatch role = roleEndingAt(i, lo);
                    if (role != null) {
                        roles.get(m.entity()).add(role.title());
                        i = role.first() - 1;
                    } else {
                        i--;
                    }
                }
                int j = m.last() + 1;
                if (j < n && lower[j].equals(",") && sentence[j] == s) {
                    int hi = Math.min(sentenceEnd[s], j + 1 + ROLE_CONTEXT_TOKENS);
                    for (int k = j + 1; k < hi && !quoted[k] && !lower[k].equals(","); k++) {
                        RoleMatch role = roleEndingAt(k, j + 1);
                        if (role != null) {
                            roles.get(m.entity()).add(role.title());
                        }
                    }
                }
            }
        }

        /** Words that can sit between a title and the name it qualifies ("Deputy Prosecutor-General"). */
        private boolean isRoleContext(String w) {
            return Character.isLetter(w.charAt(0)) || w.equals("-");
        }

        /**
         * People who may be meant by a later "he" or "the official": named outside quotes and not merely the
         * content of someone else's reported speech ("Ukibai said that Nazarbayev has spoken…").
         */
        private void findAntecedents() {
            boolean[] reported = new boolean[mentions.size()];
            for (int s = 0; s < sentenceFirst.length; s++) {
                for (int i = sentenceFirst[s]; i < sentenceEnd[s] && i < n; i++) {
                    if (quoted[i] || !SpeechCues.isSpeechVerb(lower[i])) {
                        continue;
                    }
                    if (subjectBefore(i, sentenceFirst[s]) instanceof None) {
                        continue;
                    }
                    for (int k = i + 1; k < sentenceEnd[s] && k < n; k++) {
                        if (mentionAt[k] >= 0 && mentions.get(mentionAt[k]).first() == k) {
                            reported[mentionAt[k]] = true;
                        }
                    }
                    break;
                }
            }
            List<Integer> eligible = new ArrayList<>();
            for (int m = 0; m < mentions.size(); m++) {
                MentionRef ref = mentions.get(m);
                if (ref.type() == EntityType.PERSON && !quoted[ref.first()] && !reported[m]) {
                    eligible.add(m);
                }
            }
            antecedents = eligible.stream().mapToInt(Integer::intValue).toArray();
        }

        private int firstMentionAtOrAfter(int offset) {
            int lo = 0;
            int hi = mentions.size();
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (begin[mentions.get(mid).first()] < offset) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        private int firstTokenAtOrAfter(int offset) {
            int lo = 0;
            int hi = n;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (begin[mid] < offset) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        private int paragraphStart(int offset) {
            Annotation.Span p = paragraphOf(offset);
            return p == null ? 0 : p.start();
        }

        private int paragraphEnd(int offset) {
            Annotation.Span p = paragraphOf(offset);
            return p == null ? text.length() : p.end();
        }

        /** The paragraph holding {@code offset}, or the one just before it when the offset is in a gap. */
        private Annotation.Span paragraphOf(int offset) {
            int lo = 0;
            int hi = paragraphs.size();
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (paragraphs.get(mid).start() <= offset) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo == 0 ? null : paragraphs.get(lo - 1);
        }
    }

    private static char honorificGender(String w) {
        return switch (w) {
            case "mr", "mr.", "sir", "lord" -> 'M';
            case "mrs", "mrs.", "ms", "ms.", "miss", "dame", "lady", "madam", "mme" -> 'F';
            default -> 0;
        };
    }

    private static String lastWord(String phrase) {
        int space = phrase.lastIndexOf(' ');
        return space < 0 ? phrase : phrase.substring(space + 1);
    }
}
