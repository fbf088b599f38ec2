package org.newsdesk.e2e.browser;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.newsdesk.contracts.Annotation;
import org.newsdesk.contracts.Annotation.EntityType;

/**
 * Builds an {@link Annotation} for a real article text the way nlp-service would report it, from
 * hand-picked facts: the entities and the spellings they go by, quotes with their speaker and cue, dates
 * and numeric facts. Offsets are found in the text, never typed in, so they always point at the words;
 * a phrase that is not in the text is a mistake in the test data and fails at once.
 */
final class HandAnnotation {

    private final String text;
    private final BitSet taken = new BitSet();
    private final Map<String, Annotation.Entity> entities = new LinkedHashMap<>();
    private final List<Annotation.Quote> quotes = new ArrayList<>();
    private final List<Annotation.DateMention> dates = new ArrayList<>();
    private final List<Annotation.Fact> facts = new ArrayList<>();
    private final List<Annotation.Keyphrase> keyphrases = new ArrayList<>();

    HandAnnotation(String text) {
        this.text = text;
    }

    /** An entity and every spelling it appears under; each whole-word occurrence becomes a mention. */
    HandAnnotation entity(String id, String name, EntityType type, String... forms) {
        List<String> byLength = new ArrayList<>(List.of(forms));
        if (!byLength.contains(name)) {
            byLength.add(name);
        }
        byLength.sort(Comparator.comparingInt(String::length).reversed());
        List<Annotation.Mention> mentions = new ArrayList<>();
        for (String form : byLength) {
            Matcher m = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(form) + "(?![\\p{L}\\p{N}])").matcher(text);
            while (m.find()) {
                if (taken.get(m.start(), m.end()).isEmpty()) {
                    taken.set(m.start(), m.end());
                    mentions.add(new Annotation.Mention(m.start(), m.end(), m.group()));
                }
            }
        }
        if (mentions.isEmpty()) {
            throw new IllegalArgumentException("no mention of " + name + " in the text");
        }
        mentions.sort(Comparator.comparingInt(Annotation.Mention::start));
        entities.put(id, new Annotation.Entity(id, name, type, null, mentions));
        return this;
    }

    /** A direct quote (the words inside the quote marks) by a speaker entity, introduced by {@code cue}. */
    HandAnnotation quote(String words, String speakerId, String cue) {
        int start = indexOf(words);
        Annotation.Entity speaker = entities.get(speakerId);
        if (speaker == null) {
            throw new IllegalArgumentException("unknown speaker " + speakerId);
        }
        int cueAt = cue == null ? -1 : text.indexOf(cue, start + words.length());
        quotes.add(new Annotation.Quote(start, start + words.length(), words, false,
                new Annotation.Speaker(speakerId, speaker.name()), cue, cueAt < 0 ? null : cueAt));
        return this;
    }

    HandAnnotation date(String words, String value) {
        int start = indexOf(words);
        dates.add(new Annotation.DateMention(start, start + words.length(), words, value, "DATE"));
        return this;
    }

    HandAnnotation fact(String words, String kind, double quantity, String qualifier, String subject) {
        return fact(words, kind, quantity, qualifier, null, subject);
    }

    HandAnnotation fact(String words, String kind, double quantity, String qualifier, String unit, String subject) {
        int start = indexOf(words);
        facts.add(new Annotation.Fact(start, start + words.length(), words, kind, quantity, qualifier, unit, subject));
        return this;
    }

    HandAnnotation keyphrases(String... phrases) {
        double score = 1.0;
        for (String phrase : phrases) {
            keyphrases.add(new Annotation.Keyphrase(phrase, score));
            score *= 0.85;
        }
        return this;
    }

    Annotation build(String language, float[] embedding, List<Annotation.ParagraphEmbedding> paragraphs) {
        List<Annotation.Span> sentences = List.of(new Annotation.Span(0, text.length()));
        return new Annotation(language, sentences, List.copyOf(entities.values()), List.copyOf(quotes), List.copyOf(dates),
                List.copyOf(facts), List.copyOf(keyphrases), embedding, paragraphs, List.of());
    }

    private int indexOf(String words) {
        int at = text.indexOf(words);
        if (at < 0) {
            throw new IllegalArgumentException("not in the text: " + words);
        }
        return at;
    }
}
