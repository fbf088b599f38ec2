package org.newsdesk.nlp.annotation;

import java.util.List;

import org.newsdesk.contracts.Annotation;

import edu.stanford.nlp.pipeline.CoreDocument;

/** Finds numeric facts (casualties, arrests, prices, percentages...) in an annotated document. */
public interface FactFinder {
    List<Annotation.Fact> find(CoreDocument doc, List<Annotation.Entity> entities);
}
