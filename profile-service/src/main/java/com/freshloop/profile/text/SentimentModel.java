package com.freshloop.profile.text;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A binary sentiment classifier: logistic regression over naive-Bayes-scaled n-gram features
 * (NB-LR, after Wang and Manning's NBSVM, ACL 2012). Each present feature contributes
 * {@code r_f * w_f}, where {@code r_f} is the feature's log-count ratio between positive and
 * negative training texts and {@code w_f} the learned weight.
 */
public final class SentimentModel implements SentimentClassifier {

    static final int FORMAT = 1;

    private final String version;
    private final Map<String, Integer> index;
    private final float[] ratio;
    private final float[] weight;
    private final float bias;

    SentimentModel(String version, Map<String, Integer> index, float[] ratio, float[] weight, float bias) {
        this.version = version;
        this.index = index;
        this.ratio = ratio;
        this.weight = weight;
        this.bias = bias;
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
        return sigmoid(score(TextFeatures.of(text)));
    }

    double score(Set<String> features) {
        double z = 0;
        int present = 0;
        for (String f : features) {
            Integer i = index.get(f);
            if (i != null) {
                z += ratio[i] * weight[i];
                present++;
            }
        }
        return bias + z / Math.sqrt(Math.max(1, present));
    }

    static double sigmoid(double z) {
        return 1.0 / (1.0 + Math.exp(-z));
    }

    public void write(OutputStream out) throws IOException {
        try (DataOutputStream data = new DataOutputStream(new GZIPOutputStream(out))) {
            data.writeInt(FORMAT);
            data.writeUTF(version);
            data.writeFloat(bias);
            data.writeInt(index.size());
            String[] names = new String[index.size()];
            index.forEach((name, i) -> names[i] = name);
            for (int i = 0; i < names.length; i++) {
                data.writeUTF(names[i]);
                data.writeFloat(ratio[i]);
                data.writeFloat(weight[i]);
            }
        }
    }

    public static SentimentModel read(InputStream in) throws IOException {
        try (DataInputStream data = new DataInputStream(new GZIPInputStream(in))) {
            int format = data.readInt();
            if (format != FORMAT) {
                throw new IOException("unsupported sentiment model format " + format);
            }
            String version = data.readUTF();
            float bias = data.readFloat();
            int size = data.readInt();
            Map<String, Integer> index = new HashMap<>(size * 2);
            float[] ratio = new float[size];
            float[] weight = new float[size];
            for (int i = 0; i < size; i++) {
                index.put(data.readUTF(), i);
                ratio[i] = data.readFloat();
                weight[i] = data.readFloat();
            }
            return new SentimentModel(version, index, ratio, weight, bias);
        }
    }
}
