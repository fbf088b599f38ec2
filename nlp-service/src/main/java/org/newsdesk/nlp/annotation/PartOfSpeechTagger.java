package org.newsdesk.nlp.annotation;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.MorphaAnnotator;
import edu.stanford.nlp.pipeline.POSTaggerAnnotator;

/**
 * Adds POS tags and lemmas to {@link DetachedSentences} whose tokens came without them (the fast NER pipeline
 * skips {@code pos,lemma}). One instance can be shared by the date, fact and keyphrase steps so the tagger model is
 * loaded once; it is thread-safe. It must never tag the shared document itself, only detached copies.
 */
public final class PartOfSpeechTagger {

    private final POSTaggerAnnotator tagger;
    private final MorphaAnnotator lemmatizer;

    public PartOfSpeechTagger() {
        this.tagger = new POSTaggerAnnotator(false);
        this.lemmatizer = new MorphaAnnotator(false);
    }

    /** Tags and lemmatises the copies unless every token already carries a tag (and lemma) from the pipeline. */
    void ensureTagged(DetachedSentences sentences) {
        if (sentences.isEmpty()) {
            return;
        }
        boolean tagged = true;
        boolean lemmatized = true;
        for (CoreLabel token : sentences.annotation().get(CoreAnnotations.TokensAnnotation.class)) {
            tagged &= token.tag() != null;
            lemmatized &= token.lemma() != null;
        }
        if (!tagged) {
            tagger.annotate(sentences.annotation());
        }
        if (!tagged || !lemmatized) {
            lemmatizer.annotate(sentences.annotation());
        }
    }
}
