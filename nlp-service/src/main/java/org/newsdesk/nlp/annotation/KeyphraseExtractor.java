package org.newsdesk.nlp.annotation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.newsdesk.contracts.Annotation;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.CoreEntityMention;

/**
 * KeyBERT-style keyphrases: noun-phrase candidates ((adjective|noun)* noun chunks from POS tags, plus multi-word
 * named entities), deduplicated by lemma, capped at {@value #CANDIDATES} by a cheap frequency/position score (at most
 * {@value #MAX_SINGLE_WORDS} of them single words), embedded in one batch, ranked by cosine to the document vector,
 * and picked with maximal marginal relevance so that the list is not five spellings of one thing. The reported score
 * is the cosine to the document.
 * <p>
 * POS tags come from the pipeline when present, otherwise from a detached copy of the sentences. It never returns
 * numbers, dates, single stop words or site boilerplate ("cookies", "subscribe").
 */
public final class KeyphraseExtractor implements PhraseRanker {

    static final int CANDIDATES = 40;
    private static final int MAX_SINGLE_WORDS = 10;
    /** MMR trade-off: 1 = relevance only, 0 = diversity only. */
    private static final double RELEVANCE_WEIGHT = 0.7;
    /** A lone common noun ("country", "situation") is a keyphrase only if the article keeps coming back to it. */
    private static final int MIN_SINGLE_NOUN_COUNT = 3;
    private static final int MAX_PHRASE_TOKENS = 5;
    private static final Set<String> ENTITY_TYPES = Set.of("PERSON", "ORGANIZATION", "LOCATION", "MISC");
    /** Adjectives and nouns that say nothing on their own or at the edge of a phrase. */
    private static final Set<String> WEAK_WORDS = Set.of("other", "such", "many", "much", "several", "various",
            "more", "most", "last", "first", "next", "same", "own", "main", "new", "few", "certain", "further",
            "particular", "recent", "current", "former", "whole", "total", "mr.", "mrs.", "ms.", "dr.", "thing",
            "way", "part", "time", "fact", "lot", "kind", "number", "case", "year", "day", "week", "month", "today",
            "people", "one", "ones", "something", "anything", "everything", "nothing", "someone", "everyone", "it",
            "i", "we", "you", "he", "she", "they", "this", "that", "these", "those", "percent", "cent");
    private static final Set<String> BOILERPLATE = Set.of("cookie", "cookies", "website", "browser", "subscribe",
            "subscriber", "subscribers", "newsletter", "click", "settings", "download", "downloads", "privacy",
            "advertisement", "photo", "copyright", "login", "sign", "email", "twitter", "facebook", "instagram",
            "telegram", "youtube", "tiktok", "whatsapp");
    private static final Set<String> CALENDAR = Set.of("january", "february", "march", "april", "may", "june", "july",
            "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
            "sep", "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
            "sunday");

    private final Embedder embedder;
    private final PartOfSpeechTagger tagger;

    public KeyphraseExtractor(Embedder embedder) {
        this(embedder, new PartOfSpeechTagger());
    }

    public KeyphraseExtractor(Embedder embedder, PartOfSpeechTagger tagger) {
        this.embedder = embedder;
        this.tagger = tagger;
    }

    @Override
    public List<Annotation.Keyphrase> rank(CoreDocument doc, float[] documentEmbedding, int max) {
        if (max <= 0 || doc.sentences().isEmpty()) {
            return List.of();
        }
        List<Candidate> candidates = candidates(doc);
        if (candidates.isEmpty()) {
            return List.of();
        }
        float[] docVector = documentEmbedding != null ? documentEmbedding : embedder.embed(doc.text());
        List<float[]> vectors = embedder.embedForRanking(candidates.stream().map(c -> c.text).toList());
        double[] relevance = new double[candidates.size()];
        for (int i = 0; i < candidates.size(); i++) {
            relevance[i] = TextEmbedder.cosine(vectors.get(i), docVector);
        }
        List<Integer> chosen = new ArrayList<>();
        boolean[] used = new boolean[candidates.size()];
        while (chosen.size() < Math.min(max, candidates.size())) {
            int best = -1;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < candidates.size(); i++) {
                if (used[i]) {
                    continue;
                }
                double redundancy = 0;
                for (int j : chosen) {
                    redundancy = Math.max(redundancy, TextEmbedder.cosine(vectors.get(i), vectors.get(j)));
                }
                double score = RELEVANCE_WEIGHT * relevance[i] - (1 - RELEVANCE_WEIGHT) * redundancy;
                if (score > bestScore) {
                    bestScore = score;
                    best = i;
                }
            }
            used[best] = true;
            chosen.add(best);
        }
        return chosen.stream().map(i -> new Annotation.Keyphrase(candidates.get(i).text, relevance[i])).toList();
    }

    /** Noun chunks and multi-word entities, one per lemma key, the {@value #CANDIDATES} most promising. */
    List<Candidate> candidates(CoreDocument doc) {
        DetachedSentences sentences = DetachedSentences.of(doc, doc.sentences());
        tagger.ensureTagged(sentences);
        Map<String, Candidate> byKey = new LinkedHashMap<>();
        int sentenceCount = sentences.size();
        for (int s = 0; s < sentenceCount; s++) {
            List<CoreLabel> tokens = sentences.tokens(s);
            if (isTitleCase(tokens)) {
                continue; // headlines tag every capitalised word as a proper noun: "Tokayev Orders"
            }
            int i = 0;
            while (i < tokens.size()) {
                if (!isChunkWord(tokens.get(i))) {
                    i++;
                    continue;
                }
                int end = i;
                while (end < tokens.size() && (isChunkWord(tokens.get(end)) || joinsHyphenated(tokens, end))) {
                    end++;
                }
                addChunk(doc.text(), tokens.subList(i, end), s, sentenceCount, false, byKey);
                i = end;
            }
        }
        List<CoreEntityMention> mentions = entityMentions(doc);
        for (CoreEntityMention mention : mentions) {
            if (mention.tokens().size() > 1 && ENTITY_TYPES.contains(mention.entityType())) {
                int s = mention.sentence() == null ? 0 : doc.sentences().indexOf(mention.sentence());
                addChunk(doc.text(), mention.tokens(), Math.max(0, s), sentenceCount, true, byKey);
            }
        }
        List<Candidate> ranked = byKey.values().stream()
                .filter(c -> c.length > 1 || c.entity || c.properNoun || c.count() >= MIN_SINGLE_NOUN_COUNT)
                .sorted(Comparator.comparingDouble(Candidate::prior).reversed())
                .toList();
        // frequent single words ("State", "country") would crowd out the rarer phrases that say more
        List<Candidate> capped = new ArrayList<>(CANDIDATES);
        int singles = 0;
        for (Candidate c : ranked) {
            if (capped.size() == CANDIDATES) {
                break;
            }
            if (c.length == 1 && singles++ >= MAX_SINGLE_WORDS) {
                continue;
            }
            capped.add(c);
        }
        return capped;
    }

    private static List<CoreEntityMention> entityMentions(CoreDocument doc) {
        try {
            List<CoreEntityMention> mentions = doc.entityMentions();
            return mentions == null ? List.of() : mentions;
        } catch (RuntimeException noMentions) {
            return List.of(); // the pipeline ran without ner
        }
    }

    /** "counter - terrorist", "Kassym - Jomart": the tokenizer splits hyphenated words; glue them back. */
    private static boolean joinsHyphenated(List<CoreLabel> tokens, int i) {
        if (i == 0 || i + 1 >= tokens.size() || !tokens.get(i).word().matches("[-‐–]")) {
            return false;
        }
        return tokens.get(i - 1).endPosition() == tokens.get(i).beginPosition()
                && tokens.get(i).endPosition() == tokens.get(i + 1).beginPosition()
                && isChunkWord(tokens.get(i + 1));
    }

    private static boolean isTitleCase(List<CoreLabel> tokens) {
        int words = 0;
        int capitalised = 0;
        for (CoreLabel token : tokens) {
            String word = token.word();
            if (word.length() > 3 && Character.isLetter(word.charAt(0))) {
                words++;
                capitalised += Character.isUpperCase(word.charAt(0)) ? 1 : 0;
            }
        }
        return words >= 3 && capitalised >= 0.8 * words;
    }

    private static void addChunk(String text, List<CoreLabel> chunk, int sentence, int sentenceCount, boolean entity,
            Map<String, Candidate> byKey) {
        int from = 0;
        int to = chunk.size();
        while (from < to && (isWeak(chunk.get(from)) || !entity && !isNounOrAdjective(chunk.get(from)))) {
            from++;
        }
        while (to > from && (!entity && !isNoun(chunk.get(to - 1)) || isWeak(chunk.get(to - 1)))) {
            to--;
        }
        if (to - from > MAX_PHRASE_TOKENS) {
            from = to - MAX_PHRASE_TOKENS;
        }
        if (from >= to) {
            return;
        }
        List<CoreLabel> phrase = chunk.subList(from, to);
        if (!isMeaningful(phrase) || entity && !isNominal(phrase)) {
            return;
        }
        StringBuilder key = new StringBuilder();
        for (CoreLabel token : phrase) {
            String lemma = token.lemma() != null && !isProperNoun(token) ? token.lemma() : token.word();
            key.append(lemma.toLowerCase(Locale.ROOT)).append(' ');
        }
        String surface = text.substring(phrase.get(0).beginPosition(), phrase.get(phrase.size() - 1).endPosition())
                .replaceAll("\\s+", " ");
        Candidate candidate = byKey.computeIfAbsent(key.toString().strip(),
                k -> new Candidate(surface, phrase.size(), sentence, sentenceCount));
        candidate.occurrences.add(phrase.get(0).beginPosition()); // a chunk that is also an entity counts once
        candidate.entity |= entity;
        candidate.properNoun |= phrase.size() == 1 && isProperNoun(phrase.get(0));
    }

    private static boolean isMeaningful(List<CoreLabel> phrase) {
        for (CoreLabel token : phrase) {
            String word = token.word().toLowerCase(Locale.ROOT);
            String bare = word.endsWith(".") ? word.substring(0, word.length() - 1) : word;
            if (BOILERPLATE.contains(word) || CALENDAR.contains(bare) || !word.matches(".*\\p{L}.*")) {
                return false;
            }
        }
        if (phrase.size() == 1) {
            String word = phrase.get(0).word();
            return word.length() >= 4 && !WEAK_WORDS.contains(word.toLowerCase(Locale.ROOT));
        }
        return true;
    }

    /** Entity spans from headlines can swallow verbs: "on People to Be Ready". Keep "Republic of Kazakhstan". */
    private static boolean isNominal(List<CoreLabel> phrase) {
        for (int i = 0; i < phrase.size(); i++) {
            CoreLabel token = phrase.get(i);
            String tag = token.tag() == null ? "" : token.tag();
            boolean inner = i > 0 && i < phrase.size() - 1;
            boolean glue = inner && (token.word().equals("of") || token.word().equals("&") || token.word().equals("-")
                    || token.word().equals("and"));
            if (!glue && !(tag.startsWith("NN") || tag.startsWith("JJ") || tag.equals("HYPH") || tag.equals("POS")
                    || tag.equals("CD") && inner)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isChunkWord(CoreLabel token) {
        String tag = token.tag();
        return tag != null && (tag.startsWith("NN") || tag.startsWith("JJ"));
    }

    private static boolean isNounOrAdjective(CoreLabel token) {
        return token.tag() != null && (token.tag().startsWith("NN") || token.tag().startsWith("JJ"));
    }

    private static boolean isNoun(CoreLabel token) {
        return token.tag() != null && token.tag().startsWith("NN");
    }

    private static boolean isProperNoun(CoreLabel token) {
        return token.tag() != null && token.tag().startsWith("NNP");
    }

    private static boolean isWeak(CoreLabel token) {
        return WEAK_WORDS.contains(token.word().toLowerCase(Locale.ROOT));
    }

    /** One candidate phrase and what the pre-ranking knows about it. */
    static final class Candidate {
        final String text;
        final int length;
        final int firstSentence;
        final int sentenceCount;
        final Set<Integer> occurrences = new HashSet<>();
        boolean entity;
        boolean properNoun;

        Candidate(String text, int length, int firstSentence, int sentenceCount) {
            this.text = text;
            this.length = length;
            this.firstSentence = firstSentence;
            this.sentenceCount = sentenceCount;
        }

        int count() {
            return occurrences.size();
        }

        /** Frequency, favouring multi-word phrases, entities and what the article says first. */
        double prior() {
            double early = 1.0 - (double) firstSentence / Math.max(1, sentenceCount);
            return count() * (1 + 0.5 * (Math.min(length, 3) - 1)) + early + (entity ? 0.5 : 0);
        }
    }
}
