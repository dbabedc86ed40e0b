package com.freshloop.deployment.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import com.freshloop.deployment.Fixtures;
import com.freshloop.deployment.services.ServiceCatalog;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Every overlay of k8s/ renders, reads into typed models without unknown fields, and follows the rules. */
class OverlaysIT {

    static final List<String> OVERLAYS = Fixtures.OVERLAYS;

    private final TypedModels models = new TypedModels();

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void rendersWithKubectlKustomize(String overlay) {
        Map<String, Long> kinds = Fixtures.rendered(overlay).stream()
                .collect(Collectors.groupingBy(Manifest::kind, Collectors.counting()));

        assertThat(kinds)
                .containsEntry("Deployment", 7L)
                .containsEntry("StatefulSet", 3L)
                .containsEntry("Kafka", 1L)
                .containsEntry("KafkaNodePool", 1L)
                .containsEntry("KafkaTopic", 18L)
                .containsEntry("FlinkDeployment", 1L)
                .containsKey("NetworkPolicy")
                .containsKey("Namespace");
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyObjectReadsIntoItsTypedModelOrSchemaWithoutUnknownFields(String overlay) {
        List<Manifest> manifests = Fixtures.rendered(overlay);

        assertThat(models.check(manifests)).isEmpty();
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void builtInKindsAreReadByFabric8sTypedModels(String overlay) {
        Map<String, String> modelByKind = Fixtures.rendered(overlay).stream()
                .filter(m -> models.modelOf(m).isPresent())
                .collect(Collectors.toMap(
                        Manifest::kind, m -> models.modelOf(m).get().getName(), (a, b) -> a));

        assertThat(modelByKind)
                .containsEntry("Deployment", "io.fabric8.kubernetes.api.model.apps.Deployment")
                .containsEntry("StatefulSet", "io.fabric8.kubernetes.api.model.apps.StatefulSet")
                .containsEntry("NetworkPolicy", "io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy")
                .doesNotContainKeys("Kafka", "KafkaTopic", "FlinkDeployment");
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void followsThePlatformRules(String overlay) {
        List<Manifest> manifests = Fixtures.rendered(overlay);

        assertThat(new OverlayValidator(Fixtures.repository()).rules(manifests)).isEmpty();
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void runsEveryServiceModuleOfTheCheckout(String overlay) {
        List<String> deployments = Fixtures.rendered(overlay).stream()
                .filter(m -> m.kind().equals("Deployment"))
                .map(Manifest::name)
                .toList();

        assertThat(deployments)
                .containsExactlyInAnyOrderElementsOf(
                        ServiceCatalog.of(Fixtures.repository()).names());
    }
}
