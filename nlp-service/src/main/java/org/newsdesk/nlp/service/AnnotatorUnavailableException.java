package org.newsdesk.nlp.service;

/** The annotator is still loading or failed to load: a state of this instance, never the fault of an article. */
public class AnnotatorUnavailableException extends RuntimeException {

    public AnnotatorUnavailableException(String message) {
        super(message);
    }
}
