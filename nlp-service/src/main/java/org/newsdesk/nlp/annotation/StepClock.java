package org.newsdesk.nlp.annotation;

/**
 * Told how much CPU the annotating thread spent in each step of one annotation, so that a profile of where the
 * time goes can be rerun ({@code ./newsdesk bench nlp}) instead of kept in someone's scratch tools. Steps are
 * reported in the order they ran, each once per annotation; a step the language skips is not reported.
 */
@FunctionalInterface
public interface StepClock {

    /** Reads no clock at all: the production path pays nothing. */
    StepClock NONE = (step, cpuNanos) -> {
    };

    /**
     * @param step     {@code quotes} (paragraphs and quote candidates), {@code vectors}, {@code corenlp}, {@code entities},
     *                 {@code speakers}, {@code dates}, {@code facts} or {@code keyphrases}
     * @param cpuNanos the calling thread's CPU time spent in it
     */
    void spent(String step, long cpuNanos);
}
