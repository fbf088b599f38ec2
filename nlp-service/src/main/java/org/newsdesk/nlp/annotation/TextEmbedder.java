package org.newsdesk.nlp.annotation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

/**
 * Sentence embeddings with all-MiniLM-L6-v2 (quantised ONNX, the model file langchain4j ships): 384-d, mean-pooled,
 * L2-normalised.
 * <p>
 * We run the ONNX session ourselves instead of through langchain4j's {@code embedAll}, which tokenises every text
 * three times. Here every text is tokenised once and cut into windows of at most {@value #WINDOW} word-pieces (the
 * model sees 128 with [CLS] and [SEP]; the bundled tokenizer would silently truncate there), preferably at sentence
 * ends. A text's vector is the mean of its window vectors weighted by their length in characters. Mean pooling covers
 * [CLS] and [SEP] as langchain4j's does, so vectors match the ones it produces.
 * <p>
 * Each window runs alone, never padded into a batch: the model is dynamically quantised, and its int8 scales are
 * computed over the whole input tensor, so batching moved a text's vector by up to 0.01 in cosine depending on its
 * neighbours (measured), and a query would no longer match the identical paragraph. Batching gained no CPU time anyway.
 * <p>
 * Each call runs on the calling thread with one ONNX intra-op thread: one annotation worker is one core, and
 * throughput grows with workers, not with threads hidden inside ONNX Runtime. Thread-safe. It must never return an
 * unnormalised vector except the zero vector for blank text.
 */
public final class TextEmbedder implements Embedder {

    public static final int DIMENSION = 384;
    /** Word-pieces per window: the model's 128 minus [CLS] and [SEP]. */
    static final int WINDOW = 126;
    /** Short texts per ONNX run in {@link #embedForRanking}. */
    private static final int RANKING_BATCH = 64;

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final boolean wantsTokenTypes;
    private final HuggingFaceTokenizer wordPieces;
    private final long clsId;
    private final long sepId;
    private final boolean wholeText;

    public TextEmbedder() {
        this(true);
    }

    /** @param wholeText false to let the model see only the first {@value #WINDOW} word-pieces of each text (cheaper) */
    public TextEmbedder(boolean wholeText) {
        this.wholeText = wholeText;
        try (InputStream model = resource("/all-minilm-l6-v2-q.onnx");
                InputStream json = resource("/all-minilm-l6-v2-q-tokenizer.json");
                OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            this.environment = OrtEnvironment.getEnvironment();
            this.session = environment.createSession(model.readAllBytes(), options);
            this.wantsTokenTypes = session.getInputNames().contains("token_type_ids");
            this.wordPieces = HuggingFaceTokenizer.newInstance(json,
                    Map.of("truncation", "false", "padding", "false", "addSpecialTokens", "false"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load the MiniLM ONNX model", e);
        }
        long[] special = wordPieces.encode("", true, false).getIds();
        if (special.length != 2) {
            throw new IllegalStateException("expected [CLS] [SEP] from the tokenizer, got " + Arrays.toString(special));
        }
        this.clsId = special[0];
        this.sepId = special[1];
    }

    private static InputStream resource(String name) {
        InputStream in = AllMiniLmL6V2QuantizedEmbeddingModel.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("model resource " + name + " is missing from the classpath");
        }
        return in;
    }

    @Override
    public float[] embed(String text) {
        return embedAll(List.of(text)).get(0);
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        return embed(texts, 1);
    }

    /**
     * Short texts (keyphrase candidates) in padded batches: about five times cheaper than {@link #embedAll} for
     * phrases of a few words, whose cost is mostly per model run. The batch shifts vectors slightly (cosine to
     * {@link #embed} of at least 0.99), which is fine for ranking candidates against each other but not for vectors
     * that are published or compared across articles.
     */
    @Override
    public List<float[]> embedForRanking(List<String> texts) {
        return embed(texts, RANKING_BATCH);
    }

    private List<float[]> embed(List<String> texts, int batchSize) {
        List<Window> windows = new ArrayList<>();
        for (int t = 0; t < texts.size(); t++) {
            String text = texts.get(t);
            if (text != null && !text.isBlank()) {
                windows.addAll(windows(t, text));
            }
        }
        run(windows, batchSize);
        float[][] sums = new float[texts.size()][DIMENSION];
        for (Window w : windows) {
            float[] sum = sums[w.text];
            for (int d = 0; d < DIMENSION; d++) {
                sum[d] += w.vector[d] * w.weight;
            }
        }
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (float[] sum : sums) {
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

    /** The text of each window {@code text} is cut into, for tests and diagnostics. */
    List<String> windows(String text) {
        return windows(0, text).stream().map(w -> w.text(text)).toList();
    }

    /** One piece of one input text: its word-piece ids with [CLS] and [SEP], and where it lies in the text. */
    private static final class Window {
        final int text;
        final long[] ids;
        final int start;
        final int end;
        final float weight;
        float[] vector;

        Window(int text, long[] ids, int start, int end) {
            this.text = text;
            this.ids = ids;
            this.start = start;
            this.end = end;
            this.weight = Math.max(1, end - start);
        }

        String text(String source) {
            return source.substring(start, end);
        }
    }

    /** Consecutive windows of at most {@link #WINDOW} word-pieces, cut at sentence ends or else at word ends. */
    private List<Window> windows(int index, String text) {
        Encoding encoding = wordPieces.encode(text, false, false);
        long[] ids = encoding.getIds();
        String[] tokens = encoding.getTokens();
        CharSpan[] spans = encoding.getCharTokenSpans();
        if (ids.length == 0 || spans == null || spans.length != ids.length) {
            return List.of(new Window(index, withSpecials(ids, 0, Math.min(ids.length, WINDOW)), 0, text.length()));
        }
        int limit = wholeText ? ids.length : Math.min(ids.length, WINDOW);
        List<Window> windows = new ArrayList<>();
        int from = 0;
        while (from < limit) {
            int to = Math.min(limit, from + WINDOW);
            if (to < limit) {
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
            windows.add(new Window(index, withSpecials(ids, from, to), spans[from].getStart(), spans[to - 1].getEnd()));
            from = to;
        }
        return windows;
    }

    private long[] withSpecials(long[] ids, int from, int to) {
        long[] window = new long[to - from + 2];
        window[0] = clsId;
        System.arraycopy(ids, from, window, 1, to - from);
        window[window.length - 1] = sepId;
        return window;
    }

    /** Runs the model over every window, in batches of similar length so that little is padding. */
    private void run(List<Window> windows, int batchSize) {
        List<Window> byLength = new ArrayList<>(windows);
        byLength.sort(Comparator.comparingInt(w -> w.ids.length));
        for (int from = 0; from < byLength.size(); from += batchSize) {
            List<Window> batch = byLength.subList(from, Math.min(byLength.size(), from + batchSize));
            try {
                runBatch(batch);
            } catch (OrtException e) {
                throw new IllegalStateException("MiniLM inference failed", e);
            }
        }
    }

    private void runBatch(List<Window> batch) throws OrtException {
        int rows = batch.size();
        int length = batch.get(rows - 1).ids.length; // sorted: the last is the longest
        long[] ids = new long[rows * length];
        long[] mask = new long[rows * length];
        for (int r = 0; r < rows; r++) {
            long[] windowIds = batch.get(r).ids;
            System.arraycopy(windowIds, 0, ids, r * length, windowIds.length);
            Arrays.fill(mask, r * length, r * length + windowIds.length, 1L);
        }
        long[] shape = {rows, length};
        try (OnnxTensor idTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape);
                OnnxTensor maskTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape);
                OnnxTensor typeTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[rows * length]),
                        shape)) {
            Map<String, OnnxTensor> inputs = wantsTokenTypes
                    ? Map.of("input_ids", idTensor, "attention_mask", maskTensor, "token_type_ids", typeTensor)
                    : Map.of("input_ids", idTensor, "attention_mask", maskTensor);
            try (OrtSession.Result result = session.run(inputs)) {
                // last_hidden_state: [rows, length, DIMENSION]; mean over each window's own tokens only
                FloatBuffer hidden = ((OnnxTensor) result.get(0)).getFloatBuffer();
                for (int r = 0; r < rows; r++) {
                    Window w = batch.get(r);
                    float[] mean = new float[DIMENSION];
                    for (int t = 0; t < w.ids.length; t++) {
                        int base = (r * length + t) * DIMENSION;
                        for (int d = 0; d < DIMENSION; d++) {
                            mean[d] += hidden.get(base + d);
                        }
                    }
                    for (int d = 0; d < DIMENSION; d++) {
                        mean[d] /= w.ids.length;
                    }
                    w.vector = normalize(mean);
                }
            }
        }
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
