package org.newsdesk.nlp.service;

/** CDI event: the annotator has loaded and warmed up; the Kafka consumer may start. */
public record AnnotatorReady(long loadMillis) {
}
