package com.freshloop.profile.text;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A binary sentiment classifier: one or more linear models over the same binary n-gram features
 * (see {@link SentimentTrainer}), plus, from format 3, a linear model over the text's sentence
 * embedding ({@link SentenceEncoder}). An n-gram member sees each present feature {@code f} as
 * {@code r_f}, its naive-Bayes log-count ratio between positive and negative training texts (NBSVM /
 * NB-LR, after Wang and Manning, ACL 2012), or as 1; the row is normalised (to unit L2 length for the
 * SVM members, by {@code 1/sqrt(n)} for the logistic ones). The model's score is the weighted average
 * of the members' decision values, each divided by its spread on the training texts (every n-gram
 * member weighs 1, the embedding member {@link EmbeddingMember#weight()}); the probability is the
 * sigmoid of that score on the logistic member's logit scale, so 0.5 is the decision boundary.
 *
 * <p>Without an encoder (not attached, or it failed to start) the embedding member is left out and
 * the model scores as the n-gram ensemble alone.
 */
public final class SentimentModel implements SentimentClassifier {

    static final int FORMAT = 3;

    /**
     * One linear member: {@code nbScaled} features take their ratio as value, {@code l2Normalised}
     * rows are scaled to unit length (else by 1/sqrt(n)); the decision value is divided by
     * {@code scale} before averaging.
     */
    record Member(boolean nbScaled, boolean l2Normalised, float[] weight, float bias, float scale) {

        Member withScale(float newScale) {
            return new Member(nbScaled, l2Normalised, weight, bias, newScale);
        }

        /** Decision value of a row of feature indices. */
        double score(int[] row, float[] ratio) {
            double z = 0;
            double norm = 0;
            for (int i : row) {
                double v = nbScaled ? ratio[i] : 1;
                z += v * weight[i];
                norm += v * v;
            }
            double s = l2Normalised ? (norm == 0 ? 1 : 1 / Math.sqrt(norm)) : 1 / Math.sqrt(Math.max(1, row.length));
            return bias + z * s;
        }
    }

    /**
     * The linear member over the sentence embedding of {@code encoder} (its name): decision value
     * {@code bias + weight . embedding}, divided by {@code scale}; it counts {@code weight} times in
     * the average.
     */
    record EmbeddingMember(String encoder, float[] coefficients, float bias, float scale, float weight) {

        double score(float[] embedding) {
            double z = bias;
            for (int k = 0; k < coefficients.length; k++) {
                z += coefficients[k] * embedding[k];
            }
            return z / scale;
        }
    }

    /**
     * A text's scaled decision values: {@code ngrams} the average over the n-gram members,
     * {@code embedding} the embedding member's ({@code NaN} when there is none or no encoder).
     */
    record Parts(double ngrams, double embedding) {}

    private final String version;
    private final Map<String, Integer> index;
    private final float[] ratio;
    private final List<Member> members;
    private final float logitScale;
    private final EmbeddingMember embedding;
    private final SentenceEncoder encoder;

    SentimentModel(
            String version,
            Map<String, Integer> index,
            float[] ratio,
            List<Member> members,
            float logitScale,
            EmbeddingMember embedding,
            SentenceEncoder encoder) {
        this.version = version;
        this.index = index;
        this.ratio = ratio;
        this.members = List.copyOf(members);
        this.logitScale = logitScale;
        this.embedding = embedding;
        this.encoder = encoder;
    }

    SentimentModel(String version, Map<String, Integer> index, float[] ratio, List<Member> members, float logitScale) {
        this(version, index, ratio, members, logitScale, null, null);
    }

    /** The model's version; {@code /ngrams} is appended when its embedding member cannot run. */
    @Override
    public String version() {
        return embedding != null && encoder == null ? version + "/ngrams" : version;
    }

    /** Whether the model has an embedding member, which needs {@link #withEncoder}. */
    public boolean needsEncoder() {
        return embedding != null;
    }

    /** The encoder the embedding member was trained on, or {@code null}. */
    public String encoderName() {
        return embedding == null ? null : embedding.encoder();
    }

    /** The same model scoring with its embedding member, on this encoder. */
    public SentimentModel withEncoder(SentenceEncoder newEncoder) {
        return new SentimentModel(version, index, ratio, members, logitScale, embedding, newEncoder);
    }

    public int features() {
        return index.size();
    }

    /** Probability that the text is positive. */
    @Override
    public double positive(String text) {
        float[] vector = encoder != null && embedding != null ? encoder.encode(text) : null;
        return sigmoid(logitScale * combine(parts(text, vector)));
    }

    /** The scaled decision values of many texts (their embeddings computed in batches). */
    List<Parts> parts(List<String> texts) {
        float[][] vectors = encoder != null && embedding != null ? encoder.encodeAll(texts) : null;
        List<Parts> parts = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            parts.add(parts(texts.get(i), vectors == null ? null : vectors[i]));
        }
        return parts;
    }

    private Parts parts(String text, float[] vector) {
        return new Parts(score(TextFeatures.of(text)), vector == null ? Double.NaN : embedding.score(vector));
    }

    /** The model's score from its parts: positive above 0. */
    double combine(Parts parts) {
        if (Double.isNaN(parts.embedding())) {
            return parts.ngrams();
        }
        double n = members.size();
        return (n * parts.ngrams() + embedding.weight() * parts.embedding()) / (n + embedding.weight());
    }

    /** Average of the n-gram members' scaled decision values; positive above 0. */
    double score(Set<String> features) {
        int[] row = features.stream()
                .map(index::get)
                .filter(java.util.Objects::nonNull)
                .mapToInt(Integer::intValue)
                .toArray();
        double sum = 0;
        for (Member member : members) {
            sum += member.score(row, ratio) / member.scale();
        }
        return sum / members.size();
    }

    static double sigmoid(double z) {
        return 1.0 / (1.0 + Math.exp(-z));
    }

    public void write(OutputStream out) throws IOException {
        try (DataOutputStream data = new DataOutputStream(new GZIPOutputStream(out))) {
            data.writeInt(FORMAT);
            data.writeUTF(version);
            data.writeFloat(logitScale);
            data.writeInt(index.size());
            String[] names = new String[index.size()];
            index.forEach((name, i) -> names[i] = name);
            for (int i = 0; i < names.length; i++) {
                data.writeUTF(names[i]);
                data.writeFloat(ratio[i]);
            }
            data.writeInt(members.size());
            for (Member member : members) {
                data.writeBoolean(member.nbScaled());
                data.writeBoolean(member.l2Normalised());
                data.writeFloat(member.bias());
                data.writeFloat(member.scale());
                for (float w : member.weight()) {
                    data.writeFloat(w);
                }
            }
            data.writeBoolean(embedding != null);
            if (embedding != null) {
                data.writeUTF(embedding.encoder());
                data.writeFloat(embedding.bias());
                data.writeFloat(embedding.scale());
                data.writeFloat(embedding.weight());
                data.writeInt(embedding.coefficients().length);
                for (float c : embedding.coefficients()) {
                    data.writeFloat(c);
                }
            }
        }
    }

    /** Reads a model written by {@link #write}; an embedding member stays idle until {@link #withEncoder}. */
    public static SentimentModel read(InputStream in) throws IOException {
        try (DataInputStream data = new DataInputStream(new GZIPInputStream(in))) {
            int format = data.readInt();
            if (format != FORMAT) {
                throw new IOException("unsupported sentiment model format " + format
                        + " (retrain: ./freshloop eval sentiment --model FILE)");
            }
            String version = data.readUTF();
            float logitScale = data.readFloat();
            int size = data.readInt();
            Map<String, Integer> index = new HashMap<>(size * 2);
            float[] ratio = new float[size];
            for (int i = 0; i < size; i++) {
                index.put(data.readUTF(), i);
                ratio[i] = data.readFloat();
            }
            int count = data.readInt();
            List<Member> members = new ArrayList<>(count);
            for (int m = 0; m < count; m++) {
                boolean nbScaled = data.readBoolean();
                boolean l2Normalised = data.readBoolean();
                float bias = data.readFloat();
                float scale = data.readFloat();
                float[] weight = new float[size];
                for (int i = 0; i < size; i++) {
                    weight[i] = data.readFloat();
                }
                members.add(new Member(nbScaled, l2Normalised, weight, bias, scale));
            }
            EmbeddingMember embedding = null;
            if (data.readBoolean()) {
                String encoder = data.readUTF();
                float bias = data.readFloat();
                float scale = data.readFloat();
                float weight = data.readFloat();
                float[] coefficients = new float[data.readInt()];
                for (int k = 0; k < coefficients.length; k++) {
                    coefficients[k] = data.readFloat();
                }
                embedding = new EmbeddingMember(encoder, coefficients, bias, scale, weight);
            }
            return new SentimentModel(version, index, ratio, members, logitScale, embedding, null);
        }
    }
}
