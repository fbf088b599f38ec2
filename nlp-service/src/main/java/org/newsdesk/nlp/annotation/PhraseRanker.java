package org.newsdesk.nlp.annotation;

import java.util.List;

import org.newsdesk.contracts.Annotation;

import edu.stanford.nlp.pipeline.CoreDocument;

/** Picks the phrases that best say what a document is about. */
public interface PhraseRanker {
    List<Annotation.Keyphrase> rank(CoreDocument doc, float[] documentEmbedding, int max);
}
