package org.newsdesk.nlp.annotation;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.MorphaAnnotator;
import edu.stanford.nlp.pipeline.POSTaggerAnnotator;

/**
 * Adds POS tags and lemmas to {@link DetachedSentences} whose tokens came without them, for documents from a
 * pipeline without {@code pos,lemma}. One instance can be shared by the date, fact and keyphrase steps; it is
 * thread-safe. It must never tag the shared document itself, only detached copies.
 * <p>
 * The models load on first use: the production pipeline tags every token itself, so there the fallback is never
 * needed and loading a second copy of the tagger at start-up would only cost seconds and heap.
 */
public final class PartOfSpeechTagger {

    private volatile Models models;

    private record Models(POSTaggerAnnotator tagger, MorphaAnnotator lemmatizer) {
    }

    private Models models() {
        Models loaded = models;
        if (loaded == null) {
            synchronized (this) {
                loaded = models;
                if (loaded == null) {
                    loaded = new Models(new POSTaggerAnnotator(false), new MorphaAnnotator(false));
                    models = loaded;
                }
            }
        }
        return loaded;
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
            models().tagger().annotate(sentences.annotation());
        }
        if (!tagged || !lemmatized) {
            models().lemmatizer().annotate(sentences.annotation());
        }
    }
}
