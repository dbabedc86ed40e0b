package com.freshloop.profile.text;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Loads the sentiment model trained offline by {@code ./freshloop eval sentiment --model FILE}
 * (the run script trains it on first start when the data set is there), and, once, the sentence
 * encoder its embedding member needs (ONNX Runtime, native memory, {@code sentiment-encoder-threads}
 * threads). Without a model, text analysis runs on the lexicon fallback; without the encoder, on the
 * model's n-gram members; either way the log says so.
 */
@Configuration(proxyBeanMethods = false)
class TextAnalysisConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TextAnalysisConfiguration.class);

    @Bean
    ReviewAnalyzer reviewAnalyzer(
            @Value("${freshloop.profile.sentiment-model:}") String modelPath,
            @Value("${freshloop.profile.sentiment-encoder-threads:1}") int encoderThreads) {
        return new ReviewAnalyzer(load(modelPath, encoderThreads));
    }

    static SentimentClassifier load(String modelPath, int encoderThreads) {
        if (modelPath != null && !modelPath.isBlank()) {
            Path path = Path.of(modelPath);
            if (Files.isReadable(path)) {
                try (InputStream in = Files.newInputStream(path)) {
                    SentimentModel model = SentimentModel.read(in);
                    if (model.needsEncoder()) {
                        model = withEncoder(model, encoderThreads);
                    }
                    TextFeatures.warmUp();
                    log.info(
                            "Sentiment model {} loaded from {} ({} features)", model.version(), path, model.features());
                    return model;
                } catch (IOException e) {
                    log.warn(
                            "Sentiment model at {} cannot be read ({}); using the lexicon fallback",
                            path,
                            e.getMessage());
                }
            } else {
                log.warn(
                        "No sentiment model at {}; using the lexicon fallback (train one: ./freshloop eval sentiment --model {})",
                        path,
                        path);
            }
        }
        return new LexiconSentiment();
    }

    private static SentimentModel withEncoder(SentimentModel model, int threads) {
        if (!SentenceEncoder.NAME.equals(model.encoderName())) {
            log.warn(
                    "Sentiment model needs encoder {}, this build has {}; scoring on its n-gram members only",
                    model.encoderName(),
                    SentenceEncoder.NAME);
            return model;
        }
        try {
            long start = System.nanoTime();
            SentenceEncoder encoder = SentenceEncoder.load(threads);
            log.info(
                    "Sentence encoder {} started in {} ms ({} threads)",
                    SentenceEncoder.NAME,
                    (System.nanoTime() - start) / 1_000_000,
                    threads);
            return model.withEncoder(encoder);
        } catch (IOException e) {
            log.warn(
                    "Sentence encoder {} cannot start ({}); scoring sentiment on the model's n-gram members only",
                    SentenceEncoder.NAME,
                    e.getMessage());
            return model;
        }
    }
}
