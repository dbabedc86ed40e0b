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
 * (see {@link SentimentTrainer}). A member sees each present feature {@code f} as {@code r_f}, its
 * naive-Bayes log-count ratio between positive and negative training texts (NBSVM / NB-LR, after
 * Wang and Manning, ACL 2012), or as 1; the row is normalised (to unit L2 length for the SVM members,
 * by {@code 1/sqrt(n)} for the logistic ones). The model's score is the average of the members'
 * decision values, each divided by its spread on the training texts; the probability is the sigmoid
 * of that score on the logistic member's logit scale, so 0.5 is the decision boundary.
 */
public final class SentimentModel implements SentimentClassifier {

    static final int FORMAT = 2;

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

    private final String version;
    private final Map<String, Integer> index;
    private final float[] ratio;
    private final List<Member> members;
    private final float logitScale;

    SentimentModel(String version, Map<String, Integer> index, float[] ratio, List<Member> members, float logitScale) {
        this.version = version;
        this.index = index;
        this.ratio = ratio;
        this.members = List.copyOf(members);
        this.logitScale = logitScale;
    }

    @Override
    public String version() {
        return version;
    }

    public int features() {
        return index.size();
    }

    /** Probability that the text is positive. */
    @Override
    public double positive(String text) {
        return sigmoid(logitScale * score(TextFeatures.of(text)));
    }

    /** Average of the members' scaled decision values; positive above 0. */
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
        }
    }

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
            return new SentimentModel(version, index, ratio, members, logitScale);
        }
    }
}
