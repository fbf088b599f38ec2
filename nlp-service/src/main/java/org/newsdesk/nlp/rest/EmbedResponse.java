package org.newsdesk.nlp.rest;

/**
 * The answer of {@code POST /api/v1/embed}: the text's vector in the space of the article and paragraph vectors
 * that {@code articles.annotated} carries, so that a consumer can rank them by cosine.
 *
 * @param model     the embedding model
 * @param dimension the vector's length
 * @param vector    L2-normalised, so the cosine with another such vector is their dot product
 */
public record EmbedResponse(String model, int dimension, float[] vector) {
}
