package org.newsdesk.contracts;

import java.util.List;

/**
 * What nlp-service found in one article. Offsets ({@code start}, {@code end}) are Java {@link String}
 * indices into {@link ArticleIngested#text()}, end exclusive.
 *
 * @param notes                what could not be done and why, e.g. no NER model for the language
 * @param embedding            the document vector (mean of paragraph vectors, L2-normalised)
 * @param paragraphEmbeddings  one vector per paragraph; the best-matching pair decides "same story"
 */
public record Annotation(
        String language,
        List<Span> sentences,
        List<Entity> entities,
        List<Quote> quotes,
        List<DateMention> dates,
        List<Fact> facts,
        List<Keyphrase> keyphrases,
        float[] embedding,
        List<ParagraphEmbedding> paragraphEmbeddings,
        List<String> notes) {

    public record Span(int start, int end) {
    }

    public enum EntityType { PERSON, ORGANIZATION, LOCATION, MISC }

    /** One canonical entity within the article; {@code id} is local to the article (e.g. "e3"). */
    public record Entity(String id, String name, EntityType type, String subtype, List<Mention> mentions) {
    }

    public record Mention(int start, int end, String text) {
    }

    /**
     * A direct quote. {@code partial} marks a scare quote or fragment inside reported speech;
     * {@code cue} is the attribution verb or phrase ("said", "according to"), {@code cueStart} its offset.
     */
    public record Quote(int start, int end, String text, boolean partial, Speaker speaker, String cue, Integer cueStart) {
    }

    /** {@code entityId} refers to {@link Entity#id()} in the same annotation. */
    public record Speaker(String entityId, String name) {
    }

    /** {@code value} is an ISO-8601 / TIMEX3 value resolved against the publication date; type DATE, TIME, DURATION or SET. */
    public record DateMention(int start, int end, String text, String value, String type) {
    }

    /** A numeric fact: "more than 3,000 demonstrators arrested" → kind arrested, quantity 3000, qualifier "more than". */
    public record Fact(int start, int end, String text, String kind, double quantity, String qualifier, String unit, String subject) {
    }

    public record Keyphrase(String text, double score) {
    }

    public record ParagraphEmbedding(int start, int end, float[] vector) {
    }
}
