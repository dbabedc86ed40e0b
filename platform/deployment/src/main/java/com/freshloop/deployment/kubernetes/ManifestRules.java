package com.freshloop.deployment.kubernetes;

import com.freshloop.deployment.Violation;
import com.freshloop.deployment.services.ServiceCatalog;
import java.util.ArrayList;
import java.util.List;

/**
 * The platform's rules for a rendered overlay, on top of {@link TypedModels}' structural check:
 * workloads ({@link WorkloadRules}), services and their configuration ({@link ServiceRules}),
 * autoscaling and disruption budgets ({@link ScalingRules}), network policies
 * ({@link NetworkPolicyRules}), Kafka and Flink ({@link PlatformRules}).
 */
public final class ManifestRules {

    private final TypedModels models;
    private final ServiceCatalog catalog;
    private final Expectations expected;

    public ManifestRules(TypedModels models, ServiceCatalog catalog, Expectations expected) {
        this.models = models;
        this.catalog = catalog;
        this.expected = expected;
    }

    /** Every violation; the manifests must already pass {@link TypedModels#check}. */
    public List<Violation> check(List<Manifest> manifests) {
        Rendered rendered = new Rendered(manifests, models);
        List<Violation> violations = new ArrayList<>();
        violations.addAll(new WorkloadRules(rendered).check());
        violations.addAll(new ServiceRules(rendered, catalog).check());
        violations.addAll(new ScalingRules(rendered).check());
        violations.addAll(new NetworkPolicyRules(rendered, catalog).check());
        violations.addAll(new PlatformRules(rendered, expected).check());
        return violations;
    }
}
