package org.newsdesk.nlp.annotation;

import java.time.OffsetDateTime;
import java.util.List;

import org.newsdesk.contracts.Annotation;

import edu.stanford.nlp.pipeline.CoreDocument;

/** Finds temporal expressions in an annotated document and resolves them against the publication date. */
public interface DateFinder {
    List<Annotation.DateMention> find(CoreDocument doc, OffsetDateTime publishedAt);
}
