package com.freshloop.deployment.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import com.freshloop.deployment.Fixtures;
import com.freshloop.deployment.services.ServiceCatalog;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the prod overlay promises for promotion peaks, and what the dev overlay leaves out. */
class PromotionReadinessIT {

    private static final List<String> PROMOTION_SERVICES =
            List.of("gateway-service", "recommendation-service", "marketing-service", "profile-service");

    private final TypedModels models = new TypedModels();

    @Test
    void theServicesThatTakePromotionTrafficScaleOnCpuAndRequestRate() {
        List<HorizontalPodAutoscaler> hpas = models.all(Fixtures.rendered("prod"), HorizontalPodAutoscaler.class);

        assertThat(hpas)
                .extracting(hpa -> hpa.getSpec().getScaleTargetRef().getName())
                .containsExactlyInAnyOrderElementsOf(PROMOTION_SERVICES);
        for (HorizontalPodAutoscaler hpa : hpas) {
            List<MetricSpec> metrics = hpa.getSpec().getMetrics();
            assertThat(metrics)
                    .as(hpa.getMetadata().getName())
                    .anyMatch(m -> m.getResource() != null
                            && "cpu".equals(m.getResource().getName()))
                    .anyMatch(m -> m.getPods() != null
                            && "http_server_requests_per_second"
                                    .equals(m.getPods().getMetric().getName()));
            assertThat(hpa.getSpec().getMinReplicas())
                    .as(hpa.getMetadata().getName())
                    .isGreaterThanOrEqualTo(2);
            assertThat(hpa.getSpec().getBehavior().getScaleDown().getStabilizationWindowSeconds())
                    .isGreaterThanOrEqualTo(300);
        }
    }

    @Test
    void everyProdServiceHasADisruptionBudgetAndAtLeastTwoReplicas() {
        List<Manifest> prod = Fixtures.rendered("prod");
        List<PodDisruptionBudget> budgets = models.all(prod, PodDisruptionBudget.class);
        List<HorizontalPodAutoscaler> hpas = models.all(prod, HorizontalPodAutoscaler.class);

        for (Deployment deployment : models.all(prod, Deployment.class)) {
            String name = deployment.getMetadata().getName();
            Map<String, String> labels =
                    deployment.getSpec().getTemplate().getMetadata().getLabels();
            assertThat(budgets)
                    .as(name)
                    .anyMatch(pdb -> pdb.getSpec().getSelector().getMatchLabels().entrySet().stream()
                            .allMatch(e -> e.getValue().equals(labels.get(e.getKey()))));
            int replicas = hpas.stream()
                    .filter(hpa -> hpa.getSpec().getScaleTargetRef().getName().equals(name))
                    .map(hpa -> hpa.getSpec().getMinReplicas())
                    .findFirst()
                    .orElse(deployment.getSpec().getReplicas());
            assertThat(replicas).as(name).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void prodIsScrapedByPrometheusAndDevNeedsNoPrometheusOperator() {
        List<String> monitored = Fixtures.rendered("prod").stream()
                .filter(m -> m.kind().equals("ServiceMonitor"))
                .map(Manifest::name)
                .toList();

        assertThat(monitored)
                .containsExactlyInAnyOrderElementsOf(
                        ServiceCatalog.of(Fixtures.repository()).names());
        assertThat(Fixtures.rendered("dev"))
                .noneMatch(m -> m.apiVersion().startsWith("monitoring.coreos.com/"))
                .noneMatch(m -> m.kind().equals("HorizontalPodAutoscaler"));
    }

    @Test
    void prodSecretsComeFromTheSecretManagerAndDevSecretsFromALocalFile() {
        assertThat(Fixtures.rendered("prod"))
                .noneMatch(m -> m.kind().equals("Secret"))
                .anyMatch(m -> m.kind().equals("ExternalSecret") && m.name().equals("freshloop-secrets"));
        assertThat(Fixtures.rendered("dev"))
                .anyMatch(m -> m.kind().equals("Secret") && m.name().startsWith("freshloop-secrets-"));
    }

    @Test
    void prodKafkaReplicatesEveryTopicThreeTimesAndTheStreamJobsKeepStateInS3() {
        List<Manifest> prod = Fixtures.rendered("prod");

        assertThat(prod)
                .filteredOn(m -> m.kind().equals("KafkaTopic"))
                .allSatisfy(topic -> assertThat(topic.at("spec.replicas")).isEqualTo(3));
        Manifest flink = prod.stream()
                .filter(m -> m.kind().equals("FlinkDeployment"))
                .findFirst()
                .orElseThrow();
        assertThat(String.valueOf(flink.at("spec", "flinkConfiguration", "execution.checkpointing.dir")))
                .startsWith("s3://");
        assertThat(flink.at("spec", "flinkConfiguration", "high-availability.type"))
                .isEqualTo("kubernetes");
    }
}
