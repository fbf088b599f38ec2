package org.newsdesk.nlp.annotation;

import java.util.List;

/**
 * Told how much CPU the annotating thread spent in each step of one annotation, so that a profile of where the
 * time goes can be rerun ({@code ./newsdesk bench nlp}) instead of kept in someone's scratch tools. Steps are
 * reported in the order they ran, each once per annotation; a step the language skips is not reported.
 */
@FunctionalInterface
public interface StepClock {

    /** The steps of an English annotation, in the order they run (other languages stop after {@code vectors}). */
    List<String> STEPS = List.of("quotes", "vectors", "corenlp", "entities", "speakers", "dates", "facts", "keyphrases");

    /** Reads no clock at all: the production path pays nothing. */
    StepClock NONE = (step, cpuNanos) -> {
    };

    /**
     * @param step     one of {@link #STEPS}; {@code quotes} is splitting paragraphs and finding quote candidates
     * @param cpuNanos the calling thread's CPU time spent in it
     */
    void spent(String step, long cpuNanos);
}
