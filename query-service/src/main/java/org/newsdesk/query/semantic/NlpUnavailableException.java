package org.newsdesk.query.semantic;

/** Semantic search cannot get the query's vector from nlp-service; answered 503 by the API. */
public class NlpUnavailableException extends RuntimeException {

    public NlpUnavailableException(String message) {
        super(message);
    }
}
