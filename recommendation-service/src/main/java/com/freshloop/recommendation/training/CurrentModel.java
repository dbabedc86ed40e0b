package com.freshloop.recommendation.training;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;

/** The model serving reads; replaced atomically by each training run. */
@Component
public class CurrentModel {

    private final AtomicReference<TrainedModel> model = new AtomicReference<>();

    public Optional<TrainedModel> get() {
        return Optional.ofNullable(model.get());
    }

    void set(TrainedModel trained) {
        model.set(trained);
    }
}
