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
        List<int[]> whole = new ArrayList<>(chosen.size());
        for (CoreSentence sentence : chosen) {
            int index = sentence.coreMap().get(CoreAnnotations.SentenceIndexAnnotation.class);
            whole.add(new int[] {index, 0, sentence.tokens().size()});
        }
        return pieces(doc, whole);
    }

    /**
     * Copies of token ranges ("pieces") of the chosen sentences, each a stand-alone sentence for annotators that
     * only need local context. {@code pieces} holds {sentence index in doc.sentences(), first token, end token}.
     * {@link #original(int)} answers the sentence a piece came from.
     */
    static DetachedSentences pieces(CoreDocument doc, List<int[]> pieces) {
        List<CoreMap> copies = new ArrayList<>(pieces.size());
        List<CoreSentence> originals = new ArrayList<>(pieces.size());
        List<CoreLabel> allTokens = new ArrayList<>();
        for (int[] piece : pieces) {
            CoreSentence original = doc.sentences().get(piece[0]);
            List<CoreLabel> tokens = new ArrayList<>(piece[2] - piece[1]);
            for (CoreLabel token : original.tokens().subList(piece[1], piece[2])) {
                tokens.add(new CoreLabel(token));
            }
            int begin = tokens.get(0).beginPosition();
            int end = tokens.get(tokens.size() - 1).endPosition();
            CoreMap copy = new ArrayCoreMap();
            copy.set(CoreAnnotations.TextAnnotation.class, doc.text().substring(begin, end));
            copy.set(CoreAnnotations.TokensAnnotation.class, tokens);
            copy.set(CoreAnnotations.CharacterOffsetBeginAnnotation.class, begin);
            copy.set(CoreAnnotations.CharacterOffsetEndAnnotation.class, end);
            copy.set(CoreAnnotations.TokenBeginAnnotation.class, allTokens.size());
            copy.set(CoreAnnotations.TokenEndAnnotation.class, allTokens.size() + tokens.size());
            copy.set(CoreAnnotations.SentenceIndexAnnotation.class, copies.size());
            allTokens.addAll(tokens);
            copies.add(copy);
            originals.add(original);
        }
        Annotation annotation = new Annotation(doc.text());
        annotation.set(CoreAnnotations.SentencesAnnotation.class, copies);
        annotation.set(CoreAnnotations.TokensAnnotation.class, allTokens);
        return new DetachedSentences(annotation, copies, List.copyOf(originals));
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
