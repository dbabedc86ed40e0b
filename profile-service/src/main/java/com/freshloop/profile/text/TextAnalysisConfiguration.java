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
 * (the run script trains it on first start when the data set is there); without one, text analysis
 * runs on the lexicon fallback and says so in the log.
 */
@Configuration(proxyBeanMethods = false)
class TextAnalysisConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TextAnalysisConfiguration.class);

    @Bean
    ReviewAnalyzer reviewAnalyzer(@Value("${freshloop.profile.sentiment-model:}") String modelPath) {
        return new ReviewAnalyzer(load(modelPath));
    }

    static SentimentClassifier load(String modelPath) {
        if (modelPath != null && !modelPath.isBlank()) {
            Path path = Path.of(modelPath);
            if (Files.isReadable(path)) {
                try (InputStream in = Files.newInputStream(path)) {
                    SentimentModel model = SentimentModel.read(in);
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
}
