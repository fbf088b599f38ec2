package org.newsdesk.nlp.annotation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.newsdesk.contracts.Annotation;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.CoreSentence;
import edu.stanford.nlp.pipeline.DependencyParseAnnotator;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphCoreAnnotations;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import edu.stanford.nlp.util.CoreMap;

/**
 * Extracts numeric facts: casualties, arrests, evacuations, prices, money and percentages, each bound to what it
 * counts ("police officers") and to the event word that governs it ("murdered" → killed).
 * <p>
 * The dependency parser (CoreNLP {@code depparse}, with POS if the pipeline skipped it) runs only on the sentences
 * that hold a number which is not already ruled out as a date or part of a name, on detached copies. Numbers that
 * belong to names ("Khabar 24", "Article 4"), dates, years, clock times and durations ("25 days", "three decades") are
 * never facts. A number that counts nothing and governs no event, money or percentage is dropped rather than guessed.
 */
public final class NumericFactExtractor implements FactFinder {

    private static final Map<String, String> EVENT_KINDS = new HashMap<>();

    static {
        for (String lemma : List.of("kill", "murder", "slay", "die", "dead", "death", "fatality", "execute",
                "perish", "massacre", "behead", "shoot dead")) {
            EVENT_KINDS.put(lemma, "killed");
        }
        for (String lemma : List.of("wound", "injure", "injury", "hurt", "injured", "wounded")) {
            EVENT_KINDS.put(lemma, "wounded");
        }
        for (String lemma : List.of("arrest", "detain", "detention", "imprison", "jail", "apprehend", "detainee",
                "imprisonment")) {
            EVENT_KINDS.put(lemma, "arrested");
        }
        for (String lemma : List.of("evacuate", "evacuation", "evacuee")) {
            EVENT_KINDS.put(lemma, "evacuated");
        }
    }

    /** Verbs whose active subject is the agent, not the counted victim ("30 soldiers killed 5 rebels"). */
    private static final Set<String> TRANSITIVE_EVENTS = Set.of("kill", "murder", "slay", "execute", "massacre",
            "wound", "injure", "hurt", "arrest", "detain", "imprison", "jail", "apprehend", "evacuate");
    private static final Set<String> TIME_UNITS = Set.of("second", "minute", "hour", "day", "week", "fortnight",
            "month", "year", "decade", "century", "millennium", "term", "weekend", "night", "season", "yr");
    private static final Set<String> MONTHS = Set.of("january", "february", "march", "april", "may", "june", "july",
            "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
            "sep", "sept", "oct", "nov", "dec");
    private static final Set<String> PRICE_WORDS = Set.of("price", "prices", "cost", "costs", "fare", "fares",
            "tariff", "tariffs", "priced", "costing", "sells", "sold", "fee", "fees");
    /** Words that make the next number an identifier rather than a quantity. */
    private static final Set<String> IDENTIFIER_CUES = Set.of("no.", "no", "number", "#", "aged", "age", "page",
            "article", "chapter", "section", "paragraph", "room", "flight", "route", "channel", "grade", "level",
            "phase", "version", "rank", "ranked", "seed", "round", "stage", "line", "item", "point", "resolution");
    private static final Set<String> NON_DATE_NER = Set.of("DATE", "TIME", "ORDINAL", "DURATION", "SET");

    private final PartOfSpeechTagger tagger;
    private final DependencyParseAnnotator parser;

    public NumericFactExtractor() {
        this(new PartOfSpeechTagger());
    }

    /** @param tagger shared POS tagger, for documents that come without POS tags */
    public NumericFactExtractor(PartOfSpeechTagger tagger) {
        this.tagger = tagger;
        this.parser = new DependencyParseAnnotator(new Properties());
    }

    @Override
    public List<Annotation.Fact> find(CoreDocument doc, List<Annotation.Entity> entities) {
        List<Annotation.Mention> names = entities == null ? List.of()
                : entities.stream().flatMap(e -> e.mentions().stream()).toList();
        List<CoreSentence> chosen = new ArrayList<>();
        List<List<QuantityPhrase>> candidates = new ArrayList<>();
        for (CoreSentence sentence : doc.sentences()) {
            List<QuantityPhrase> quantities = factCandidates(sentence.tokens(), names);
            if (!quantities.isEmpty()) {
                chosen.add(sentence);
                candidates.add(quantities);
            }
        }
        if (chosen.isEmpty()) {
            return List.of();
        }
        DetachedSentences sentences = DetachedSentences.of(doc, chosen);
        tagger.ensureTagged(sentences);
        parser.annotate(sentences.annotation());
        List<Annotation.Fact> facts = new ArrayList<>();
        for (int s = 0; s < sentences.size(); s++) {
            CoreMap sentence = sentences.sentence(s);
            SemanticGraph graph =
                    sentence.get(SemanticGraphCoreAnnotations.EnhancedPlusPlusDependenciesAnnotation.class);
            if (graph == null) {
                continue;
            }
            // the copies hold the same tokens in the same order, so the candidates' token indices apply to them
            Binder binder = new Binder(doc.text(), sentences.tokens(s), graph, names);
            for (QuantityPhrase q : candidates.get(s)) {
                Annotation.Fact fact = binder.bind(q);
                if (fact != null) {
                    facts.add(fact);
                }
            }
        }
        return facts;
    }

    /**
     * The quantities of a sentence that the parse could still make facts of. The parse is most of this step's cost,
     * and in news most numbers are dates, years and parts of names, which are ruled out from the tokens and the NER
     * tags alone; only sentences with a candidate left are parsed, and only the candidates are bound.
     */
    static List<QuantityPhrase> factCandidates(List<CoreLabel> tokens, List<Annotation.Mention> names) {
        return QuantityPhrase.findAll(tokens).stream().filter(q -> !ruledOutByTokens(q, tokens, names)).toList();
    }

    /**
     * A quantity that is a date or part of a name by its tokens alone: tagged as a date, time, duration or ordinal;
     * a day next to a month ("January 2-9", "24-25 October"); inside an entity mention ("Khabar 24"); or after a
     * word that makes it an identifier ("Article 4", "aged 40"). The checks that need the parse come later.
     */
    private static boolean ruledOutByTokens(QuantityPhrase q, List<CoreLabel> tokens, List<Annotation.Mention> names) {
        for (int i = q.first(); i <= q.last(); i++) {
            String ner = tokens.get(i).ner();
            if (ner != null && NON_DATE_NER.contains(ner)) {
                return true;
            }
        }
        if (q.unit() == null && (isMonth(tokens, monthSide(tokens, q.first() - 1, -1))
                || isMonth(tokens, monthSide(tokens, q.last() + 1, 1)))) {
            return true;
        }
        int begin = tokens.get(q.first()).beginPosition();
        int end = tokens.get(q.last()).endPosition();
        for (Annotation.Mention m : names) {
            if (m.start() < end && m.end() > begin) {
                return true;
            }
        }
        return q.first() > 0 && q.unit() == null && q.qualifier() == null
                && IDENTIFIER_CUES.contains(tokens.get(q.first() - 1).word().toLowerCase(Locale.ROOT));
    }

    /** The first token from {@code i} in direction {@code step} that is not a digit, dash or comma (3 at most). */
    private static int monthSide(List<CoreLabel> tokens, int i, int step) {
        for (int k = 0; k < 3 && i >= 0 && i < tokens.size(); k++) {
            if (!tokens.get(i).word().matches("[\\d,\\-–]+")) {
                break;
            }
            i += step;
        }
        return i;
    }

    private static boolean isMonth(List<CoreLabel> tokens, int i) {
        if (i < 0 || i >= tokens.size()) {
            return false;
        }
        String word = tokens.get(i).word();
        String bare = word.toLowerCase(Locale.ROOT).replaceFirst("\\.$", "");
        return MONTHS.contains(bare) && !word.equals("may"); // the modal "may" is lower case
    }

    /** Binds the quantities of one parsed sentence to what they count and the event that governs them. */
    private static final class Binder {
        private final String text;
        private final List<CoreLabel> tokens;
        private final SemanticGraph graph;
        private final List<Annotation.Mention> names;

        Binder(String text, List<CoreLabel> tokens, SemanticGraph graph, List<Annotation.Mention> names) {
            this.text = text;
            this.tokens = tokens;
            this.graph = graph;
            this.names = names;
        }

        /** @param q one of the sentence's {@link #factCandidates}, so not a date or a name by its tokens alone */
        Annotation.Fact bind(QuantityPhrase q) {
            IndexedWord number = node(q.head());
            if (number == null || isYear(q, number) || isAttachedToName(q, number)) {
                return null;
            }
            IndexedWord counted = q.unit() == null ? countedNoun(number) : null;
            if (counted != null && TIME_UNITS.contains(lemma(counted))) {
                return null; // a duration or an age, not a fact
            }
            String kind;
            String subject;
            int end = q.last();
            if ("%".equals(q.unit())) {
                kind = "percentage";
                subject = phrase(ownerOfMeasure(number));
            } else if (q.unit() != null) {
                kind = isPrice(q) ? "price" : "money";
                subject = phrase(ownerOfMeasure(number));
            } else {
                IndexedWord anchor = counted != null ? counted : number;
                kind = eventKind(anchor);
                if (counted != null && EVENT_KINDS.containsKey(lemma(counted))) {
                    subject = null; // "26 deaths": the noun is the event itself
                } else {
                    subject = counted != null ? phrase(counted) : inheritedSubject(anchor);
                }
                if (kind == null) {
                    if (counted == null || EVENT_KINDS.containsKey(lemma(counted))) {
                        return null;
                    }
                    kind = "count";
                }
                if (counted != null && position(counted) > q.last() && position(counted) - q.last() <= 4) {
                    end = position(counted);
                }
            }
            int start = tokens.get(q.first()).beginPosition();
            int stop = tokens.get(end).endPosition();
            return new Annotation.Fact(start, stop, text.substring(start, stop), kind, q.value(), q.qualifier(),
                    q.unit(), subject);
        }

        /** A year-shaped number that counts nothing: "in 2004"; "2000 troops" stays a count. */
        private boolean isYear(QuantityPhrase q, IndexedWord number) {
            boolean yearShaped = q.unit() == null && q.upper() == null && !q.vague()
                    && tokens.get(q.head()).word().matches("(1[89]|20)\\d\\d");
            if (yearShaped) {
                IndexedWord counted = countedNoun(number);
                return counted == null;
            }
            return false;
        }

        /** "Boeing 737", "Khabar 24" untagged: a number attached to the capitalised word or name right before it. */
        private boolean isAttachedToName(QuantityPhrase q, IndexedWord number) {
            if (q.first() == 0 || q.unit() != null || q.qualifier() != null) {
                return false;
            }
            int begin = tokens.get(q.first()).beginPosition();
            CoreLabel before = tokens.get(q.first() - 1);
            boolean capitalised = Character.isUpperCase(before.word().charAt(0));
            IndexedWord governor = graph.getParent(number);
            boolean attachedToIt = governor != null && governor.index() == before.index();
            boolean afterName = names.stream().anyMatch(m -> m.end() <= begin && begin - m.end() <= 1);
            IndexedWord counted = countedNoun(number);
            boolean countsAFollowingNoun = counted != null && position(counted) > q.last();
            return capitalised && attachedToIt || afterName && !countsAFollowingNoun;
        }

        /** The common noun a number counts: "18 police officers", "thousands of demonstrators". */
        private IndexedWord countedNoun(IndexedWord number) {
            for (SemanticGraphEdge edge : graph.incomingEdgeList(number)) {
                String rel = edge.getRelation().toString();
                IndexedWord gov = edge.getGovernor();
                if ((rel.equals("nummod") || rel.equals("det:qmod") || rel.equals("det")) && isCommonNoun(gov)
                        && QuantityPhrase.currencyOf(gov.word()) == null) {
                    return gov;
                }
            }
            for (SemanticGraphEdge edge : graph.outgoingEdgeList(number)) {
                if (edge.getRelation().toString().equals("nmod:of") && isCommonNoun(edge.getDependent())) {
                    return edge.getDependent();
                }
            }
            return null;
        }

        /** The event the counted noun (or the bare number) takes part in, as a fact kind, or null. */
        private String eventKind(IndexedWord anchor) {
            String own = EVENT_KINDS.get(lemma(anchor));
            if (own != null && isCommonNoun(anchor)) {
                return own; // "26 deaths", "748 injuries"
            }
            for (SemanticGraphEdge edge : graph.outgoingEdgeList(anchor)) {
                String rel = edge.getRelation().toString();
                if (rel.startsWith("acl") || rel.equals("amod")) {
                    String kind = EVENT_KINDS.get(lemma(edge.getDependent()));
                    if (kind != null) {
                        return kind; // "people killed", "12 dead"
                    }
                }
            }
            IndexedWord current = anchor;
            for (int hop = 0; hop < 2; hop++) {
                SemanticGraphEdge up = graph.incomingEdgeList(current).stream()
                        .filter(e -> !e.getRelation().toString().startsWith("conj"))
                        .findFirst().orElse(null);
                if (up == null) {
                    return null;
                }
                String rel = up.getRelation().toString();
                IndexedWord gov = up.getGovernor();
                String lemma = lemma(gov);
                if (rel.startsWith("nsubj") && lemma.equals("lose") && hasObject(gov, "life")) {
                    return "killed"; // "scores of demonstrators lost their lives"
                }
                boolean argument = rel.equals("nsubj:pass") || rel.equals("obj") || rel.equals("iobj")
                        || rel.startsWith("nmod") || rel.startsWith("obl") || rel.equals("xcomp")
                        || rel.equals("nsubj") && !(TRANSITIVE_EVENTS.contains(lemma) && isActive(gov));
                if (!argument) {
                    return null;
                }
                String kind = EVENT_KINDS.get(lemma);
                if (kind != null) {
                    return kind;
                }
                if (!isCommonNoun(gov)) {
                    return null; // an unrelated verb ends the search: "seized about five aircraft"
                }
                current = gov;
            }
            return null;
        }

        /** "748 have been wounded" after "18 police officers have been murdered": the officers again. */
        private String inheritedSubject(IndexedWord number) {
            IndexedWord verb = graph.getParent(number);
            if (verb == null) {
                return null;
            }
            for (SemanticGraphEdge conj : graph.incomingEdgeList(verb)) {
                if (!conj.getRelation().toString().startsWith("conj")) {
                    continue;
                }
                for (SemanticGraphEdge subj : graph.outgoingEdgeList(conj.getGovernor())) {
                    if (subj.getRelation().toString().startsWith("nsubj")) {
                        IndexedWord noun = subj.getDependent();
                        if (isCommonNoun(noun) && hasNumber(noun)) {
                            return phrase(noun);
                        }
                        IndexedWord of = graph.outgoingEdgeList(noun).stream()
                                .filter(e -> e.getRelation().toString().equals("nmod:of"))
                                .map(SemanticGraphEdge::getDependent).findFirst().orElse(null);
                        if (of != null && isCommonNoun(of)) {
                            return phrase(of); // "scores of demonstrators lost their lives and hundreds wounded"
                        }
                    }
                }
            }
            return null;
        }

        /** What a percentage or an amount measures: "98 percent of the vote", "profits jumped 76%". */
        private IndexedWord ownerOfMeasure(IndexedWord number) {
            IndexedWord current = number;
            for (int hop = 0; hop < 6 && current != null; hop++) {
                for (SemanticGraphEdge edge : graph.outgoingEdgeList(current)) {
                    String rel = edge.getRelation().toString();
                    if ((rel.equals("nmod:of") || rel.equals("nmod:for")) && isCommonNoun(edge.getDependent())
                            && !TIME_UNITS.contains(lemma(edge.getDependent()))) {
                        return edge.getDependent();
                    }
                }
                if (isVerb(current) || PRICE_WORDS.contains(current.word().toLowerCase(Locale.ROOT))) {
                    for (SemanticGraphEdge edge : graph.outgoingEdgeList(current)) {
                        if (edge.getRelation().toString().startsWith("nsubj") && isCommonNoun(edge.getDependent())) {
                            IndexedWord subject = edge.getDependent();
                            return PRICE_WORDS.contains(subject.word().toLowerCase(Locale.ROOT))
                                    ? ownerOfPrice(subject) : subject;
                        }
                    }
                }
                current = graph.getParent(current);
            }
            return null;
        }

        /** "prices for liquefied gas" → liquefied gas. */
        private IndexedWord ownerOfPrice(IndexedWord price) {
            for (SemanticGraphEdge edge : graph.outgoingEdgeList(price)) {
                String rel = edge.getRelation().toString();
                if ((rel.equals("nmod:for") || rel.equals("nmod:of")) && isCommonNoun(edge.getDependent())) {
                    return edge.getDependent();
                }
            }
            return price;
        }

        private boolean isPrice(QuantityPhrase q) {
            int next = q.last() + 1;
            if (next < tokens.size() && tokens.get(next).word().matches("[)\\]]|-RRB-")) {
                next++; // "(€0.12 - €0.24) per litre"
            }
            String after = next < tokens.size() ? tokens.get(next).word().toLowerCase(Locale.ROOT) : "";
            if (after.equals("per") || after.equals("a") || after.equals("each")) {
                return true; // "120 tenge per litre", "$70 a barrel"
            }
            for (int i = Math.max(0, q.first() - 12); i < q.first(); i++) {
                if (PRICE_WORDS.contains(tokens.get(i).word().toLowerCase(Locale.ROOT))) {
                    return true;
                }
            }
            return false;
        }

        private boolean hasObject(IndexedWord verb, String lemma) {
            return graph.outgoingEdgeList(verb).stream()
                    .anyMatch(e -> e.getRelation().toString().equals("obj") && lemma(e.getDependent()).equals(lemma));
        }

        private boolean hasNumber(IndexedWord noun) {
            return graph.outgoingEdgeList(noun).stream()
                    .anyMatch(e -> e.getRelation().toString().equals("nummod"));
        }

        /** The noun with its compounds and adjectives: "police officers", "armed criminals". */
        private String phrase(IndexedWord noun) {
            if (noun == null) {
                return null;
            }
            int first = position(noun);
            boolean extended = true;
            while (extended) {
                extended = false;
                for (SemanticGraphEdge edge : graph.outgoingEdgeList(noun)) {
                    String rel = edge.getRelation().toString();
                    int p = position(edge.getDependent());
                    if ((rel.equals("compound") || rel.equals("amod")) && p < first && p >= first - 3
                            && QuantityPhrase.currencyOf(edge.getDependent().word()) == null
                            && !QuantityPhrase.isNumberWord(edge.getDependent().word())) {
                        first = p;
                        extended = true;
                    }
                }
            }
            int begin = tokens.get(first).beginPosition();
            while (!Character.isLetterOrDigit(text.charAt(begin)) && begin < noun.endPosition()) {
                begin++; // skip an opening quote mark
            }
            String phrase = text.substring(begin, noun.endPosition())
                    .replaceAll("[“”\"]", "").replaceAll("\\s+", " ").trim();
            return phrase.isEmpty() ? null : phrase;
        }

        private IndexedWord node(int position) {
            return graph.getNodeByIndexSafe(tokens.get(position).index());
        }

        private int position(IndexedWord word) {
            int guess = word.index() - 1;
            if (guess >= 0 && guess < tokens.size() && tokens.get(guess).index() == word.index()) {
                return guess;
            }
            for (int i = 0; i < tokens.size(); i++) {
                if (tokens.get(i).index() == word.index()) {
                    return i;
                }
            }
            return 0;
        }

        private static String lemma(IndexedWord word) {
            String lemma = word.lemma() != null ? word.lemma() : word.word();
            return lemma.toLowerCase(Locale.ROOT);
        }

        private static boolean isCommonNoun(IndexedWord word) {
            String tag = word.tag();
            return tag != null && (tag.equals("NN") || tag.equals("NNS"));
        }

        private static boolean isVerb(IndexedWord word) {
            return word.tag() != null && word.tag().startsWith("VB");
        }

        private static boolean isActive(IndexedWord verb) {
            String tag = verb.tag();
            return tag != null && (tag.equals("VBD") || tag.equals("VBZ") || tag.equals("VBP") || tag.equals("VBG")
                    || tag.equals("VB"));
        }
    }
}
