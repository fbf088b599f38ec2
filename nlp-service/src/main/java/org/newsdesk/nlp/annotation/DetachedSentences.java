package org.newsdesk.nlp.annotation;

import java.util.ArrayList;
import java.util.List;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.CoreSentence;
import edu.stanford.nlp.util.ArrayCoreMap;
import edu.stanford.nlp.util.CoreMap;

/**
 * Copies of a few chosen sentences of a document, bundled as a stand-alone CoreNLP {@link Annotation} so that the
 * expensive annotators (POS, depparse, SUTime) run on just those sentences.
 * <p>
 * Tokens are copied, so annotators may write on them freely; character offsets stay those of the original document
 * text. It must never hand out the original tokens: the document is shared with the other annotation steps.
 */
final class DetachedSentences {

    private final Annotation annotation;
    private final List<CoreMap> sentences;
    private final List<CoreSentence> originals;

    private DetachedSentences(Annotation annotation, List<CoreMap> sentences, List<CoreSentence> originals) {
        this.annotation = annotation;
        this.sentences = sentences;
        this.originals = originals;
    }

    static DetachedSentences of(CoreDocument doc, List<CoreSentence> chosen) {
        List<CoreMap> copies = new ArrayList<>(chosen.size());
        List<CoreLabel> allTokens = new ArrayList<>();
        for (CoreSentence original : chosen) {
            List<CoreLabel> tokens = new ArrayList<>(original.tokens().size());
            for (CoreLabel token : original.tokens()) {
                tokens.add(new CoreLabel(token));
            }
            CoreMap copy = new ArrayCoreMap();
            copy.set(CoreAnnotations.TextAnnotation.class, original.text());
            copy.set(CoreAnnotations.TokensAnnotation.class, tokens);
            copy.set(CoreAnnotations.CharacterOffsetBeginAnnotation.class, original.charOffsets().first());
            copy.set(CoreAnnotations.CharacterOffsetEndAnnotation.class, original.charOffsets().second());
            copy.set(CoreAnnotations.TokenBeginAnnotation.class, allTokens.size());
            copy.set(CoreAnnotations.TokenEndAnnotation.class, allTokens.size() + tokens.size());
            copy.set(CoreAnnotations.SentenceIndexAnnotation.class, copies.size());
            allTokens.addAll(tokens);
            copies.add(copy);
        }
        Annotation annotation = new Annotation(doc.text());
        annotation.set(CoreAnnotations.SentencesAnnotation.class, copies);
        annotation.set(CoreAnnotations.TokensAnnotation.class, allTokens);
        return new DetachedSentences(annotation, copies, List.copyOf(chosen));
    }

    Annotation annotation() {
        return annotation;
    }

    int size() {
        return sentences.size();
    }

    CoreMap sentence(int i) {
        return sentences.get(i);
    }

    List<CoreLabel> tokens(int i) {
        return sentences.get(i).get(CoreAnnotations.TokensAnnotation.class);
    }

    CoreSentence original(int i) {
        return originals.get(i);
    }

    boolean isEmpty() {
        return sentences.isEmpty();
    }
}
