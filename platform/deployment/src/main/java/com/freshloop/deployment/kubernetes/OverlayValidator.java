package com.freshloop.deployment.kubernetes;

import com.freshloop.deployment.Repository;
import com.freshloop.deployment.Violation;
import com.freshloop.deployment.services.ServiceCatalog;
import java.nio.file.Path;
import java.util.List;

/**
 * Validates a kustomize overlay offline: renders it with {@code kubectl kustomize}, reads every
 * object into its typed model (or its custom resource schema), then applies {@link ManifestRules}.
 */
public final class OverlayValidator {

    private final TypedModels models;
    private final ManifestRules rules;

    public OverlayValidator(Repository repository) {
        this.models = new TypedModels();
        this.rules = new ManifestRules(models, ServiceCatalog.of(repository), Expectations.of(repository));
    }

    /** Structural problems first; the rules run only on manifests that are structurally sound. */
    public List<Violation> validate(Path overlay) {
        return validate(Manifest.parseAll(Kustomize.render(overlay)));
    }

    public List<Violation> validate(List<Manifest> manifests) {
        List<Violation> structural = models.check(manifests);
        return structural.isEmpty() ? rules.check(manifests) : structural;
    }

    public List<Violation> structure(List<Manifest> manifests) {
        return models.check(manifests);
    }

    public List<Violation> rules(List<Manifest> manifests) {
        return rules.check(manifests);
    }
}
