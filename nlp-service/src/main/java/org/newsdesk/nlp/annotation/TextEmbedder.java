package org.newsdesk.nlp.annotation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

/**
 * Sentence embeddings with all-MiniLM-L6-v2 (quantized ONNX, in-process via langchain4j): 384-d, L2-normalised.
 * <p>
 * The bundled tokenizer silently truncates every input at 128 word-pieces (about 95 words), so a long paragraph
 * would be represented by its opening only. With {@code wholeText} (the default) longer texts are cut into windows of
 * at most {@value #WINDOW} word-pieces, at sentence ends where possible, and the window vectors are averaged,
 * weighted by their length. Inference runs on the calling thread (ONNX Runtime still uses its own intra-op threads),
 * so throughput scales with the callers; the instance is thread-safe. It must never return an unnormalised vector
 * except the zero vector for blank text.
 */
public final class TextEmbedder implements Embedder {

    public static final int DIMENSION = 384;
    /** Word-pieces per window: the model's 128 minus [CLS] and [SEP]. */
    static final int WINDOW = 126;

    private final AllMiniLmL6V2QuantizedEmbeddingModel model;
    private final HuggingFaceTokenizer wordPieces;
    private final boolean wholeText;

    public TextEmbedder() {
        this(true);
    }

    /** @param wholeText false to let the model see only the first 128 word-pieces of each text (cheaper) */
    public TextEmbedder(boolean wholeText) {
        this.model = new AllMiniLmL6V2QuantizedEmbeddingModel(Runnable::run);
        this.wholeText = wholeText;
        try (InputStream json = AllMiniLmL6V2QuantizedEmbeddingModel.class
                .getResourceAsStream("/all-minilm-l6-v2-q-tokenizer.json")) {
            this.wordPieces = HuggingFaceTokenizer.newInstance(json,
                    Map.of("truncation", "false", "padding", "false", "addSpecialTokens", "false"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public float[] embed(String text) {
        return embedAll(List.of(text)).get(0);
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        List<TextSegment> segments = new ArrayList<>();
        List<int[]> weights = new ArrayList<>(texts.size());
        for (String text : texts) {
            List<String> windows = text == null || text.isBlank() ? List.of() : windows(text);
            int[] w = new int[windows.size()];
            for (int i = 0; i < windows.size(); i++) {
                segments.add(TextSegment.from(windows.get(i)));
                w[i] = Math.max(1, windows.get(i).length());
            }
            weights.add(w);
        }
        List<Embedding> embedded = segments.isEmpty() ? List.of() : model.embedAll(segments).content();
        List<float[]> vectors = new ArrayList<>(texts.size());
        int next = 0;
        for (int[] w : weights) {
            float[] sum = new float[DIMENSION];
            for (int weight : w) {
                float[] v = embedded.get(next++).vector();
                for (int d = 0; d < DIMENSION; d++) {
                    sum[d] += v[d] * weight;
                }
            }
            vectors.add(normalize(sum));
        }
        return vectors;
    }

    @Override
    public int dimension() {
        return DIMENSION;
    }

    /** Cosine similarity; 0 when either vector is zero. Inputs need not be normalised. */
    public static double cosine(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("vectors of different dimension: " + a.length + " and " + b.length);
        }
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }

    /** Word-pieces in a text, as the model's tokenizer counts them (without [CLS] and [SEP]). */
    int countWordPieces(String text) {
        return wordPieces.encode(text, false, false).getIds().length;
    }

    /** The text itself, or consecutive pieces of at most {@link #WINDOW} word-pieces cut at sentence or word ends. */
    List<String> windows(String text) {
        if (!wholeText || text.length() < WINDOW * 2) {
            return List.of(text); // under ~250 characters a text cannot exceed the window
        }
        Encoding encoding = wordPieces.encode(text, false, false);
        String[] tokens = encoding.getTokens();
        CharSpan[] spans = encoding.getCharTokenSpans();
        if (tokens.length <= WINDOW || spans == null || spans.length != tokens.length) {
            return List.of(text);
        }
        List<String> windows = new ArrayList<>();
        int from = 0;
        while (from < tokens.length) {
            int to = Math.min(tokens.length, from + WINDOW);
            if (to < tokens.length) {
                int cut = to;
                while (cut > from + 1 && tokens[cut].startsWith("##")) {
                    cut--; // never split a word
                }
                for (int k = to - 1; k > from + WINDOW / 2; k--) {
                    if (tokens[k].equals(".") || tokens[k].equals("!") || tokens[k].equals("?")) {
                        cut = k + 1; // prefer a sentence end in the second half of the window
                        break;
                    }
                }
                to = cut;
            }
            String window = text.substring(spans[from].getStart(), spans[to - 1].getEnd()).strip();
            if (!window.isEmpty()) {
                windows.add(window);
            }
            from = to;
        }
        return windows.isEmpty() ? List.of(text) : windows;
    }

    private static float[] normalize(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += (double) x * x;
        }
        if (norm == 0) {
            return v;
        }
        float inv = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < v.length; i++) {
            v[i] *= inv;
        }
        return v;
    }
}
