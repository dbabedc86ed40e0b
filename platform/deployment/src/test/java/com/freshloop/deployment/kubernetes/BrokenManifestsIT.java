package com.freshloop.deployment.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.freshloop.deployment.Fixtures;
import com.freshloop.deployment.Repository;
import com.freshloop.deployment.Violation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The validators catch real mistakes: each test copies k8s/ to a temporary directory, breaks one
 * thing, renders the overlay with kubectl and asserts that the validator reports exactly that.
 */
class BrokenManifestsIT {

    @TempDir
    Path temp;

    private Path k8s;
    private OverlayValidator validator;

    @BeforeEach
    void copyTheManifests() {
        k8s = Fixtures.copyOfK8s(temp);
        validator = new OverlayValidator(Fixtures.repository());
    }

    @Test
    void aMisspelledFieldOfABuiltInKindIsReportedWithItsPath() {
        Fixtures.edit(
                k8s.resolve("base/supply-service/deployment.yaml"),
                "terminationGracePeriodSeconds: 45",
                "terminationGracePeriodSecond: 45");

        assertThat(validator.structure(render("dev")))
                .containsExactly(new Violation(
                        "Deployment/supply-service", "unknown field spec.template.spec.terminationGracePeriodSecond"));
    }

    @Test
    void aMisspelledProbeIsBothAnUnknownFieldAndAMissingProbe() {
        Fixtures.edit(k8s.resolve("base/membership-service/deployment.yaml"), "readinessProbe:", "readynessProbe:");
        List<Manifest> manifests = render("dev");

        assertThat(validator.structure(manifests))
                .containsExactly(new Violation(
                        "Deployment/membership-service",
                        "unknown field spec.template.spec.containers[0].readynessProbe"));
        assertThat(validator.rules(manifests))
                .containsExactly(new Violation(
                        "Deployment/membership-service", "container membership-service has no readinessProbe"));
    }

    @Test
    void aValueOfTheWrongTypeDoesNotRead() {
        Fixtures.edit(
                k8s.resolve("base/supply-service/deployment.yaml"),
                "revisionHistoryLimit: 5",
                "revisionHistoryLimit: five");

        assertThat(validator.structure(render("dev"))).singleElement().satisfies(violation -> {
            assertThat(violation.subject()).isEqualTo("Deployment/supply-service");
            assertThat(violation.message()).startsWith("does not read as Deployment");
        });
    }

    @Test
    void aMisspelledFieldOfACustomResourceIsReportedByItsSchema() {
        Fixtures.editAfter(
                k8s.resolve("base/kafka/topics.yaml"), "name: freshloop.context.v1\n", "partitions: 6", "partitons: 6");

        assertThat(validator.structure(render("dev")))
                .containsExactly(
                        new Violation("KafkaTopic/freshloop.context.v1", "missing required field spec.partitions"),
                        new Violation("KafkaTopic/freshloop.context.v1", "unknown field spec.partitons"));
    }

    @Test
    void aMisspelledFieldInsideACustomResourcesPodTemplateIsReportedByTheTypedPodModel() {
        Fixtures.edit(
                k8s.resolve("base/stream-jobs/flink-deployment.yaml"),
                "allowPrivilegeEscalation: false",
                "allowPrivilegeEscalaton: false");

        assertThat(validator.structure(render("prod")))
                .containsExactly(new Violation(
                        "FlinkDeployment/stream-jobs",
                        "unknown field spec.podTemplate.spec.containers[0].securityContext.allowPrivilegeEscalaton"));
    }

    @Test
    void aDeploymentWithoutALivenessProbeIsReported() {
        Fixtures.edit(k8s.resolve("base/marketing-service/deployment.yaml"), """
                          livenessProbe:
                            httpGet:
                              path: /actuator/health/liveness
                              port: management
                            periodSeconds: 10
                            timeoutSeconds: 3
                            failureThreshold: 3
                """, "");

        assertThat(validator.validate(render("prod")))
                .containsExactly(new Violation(
                        "Deployment/marketing-service", "container marketing-service has no livenessProbe"));
    }

    @Test
    void aContainerThatMayRunAsRootWithAWritableRootFileSystemIsReported() {
        Path deployment = k8s.resolve("base/metrics-service/deployment.yaml");
        Fixtures.edit(deployment, "            readOnlyRootFilesystem: true\n", "");
        Fixtures.edit(deployment, "      securityContext:\n        runAsNonRoot: true\n", "      securityContext:\n");
        Fixtures.edit(deployment, "            runAsNonRoot: true\n", "");

        assertThat(validator.validate(render("dev")))
                .containsExactly(
                        new Violation(
                                "Deployment/metrics-service",
                                "container metrics-service may run as root (securityContext.runAsNonRoot is not true)"),
                        new Violation(
                                "Deployment/metrics-service",
                                "container metrics-service has a writable root file system"
                                        + " (securityContext.readOnlyRootFilesystem is not true)"));
    }

    @Test
    void anHpaWhoseTargetDoesNotExistIsReported() {
        Fixtures.editAfter(
                k8s.resolve("overlays/prod/hpa.yaml"),
                "kind: Deployment\n    name: recommendation-service",
                "name: recommendation-service",
                "name: recommendation-servce");

        assertThat(validator.validate(render("prod")))
                .containsExactly(new Violation(
                        "HorizontalPodAutoscaler/recommendation-service",
                        "scales Deployment/recommendation-servce, which is not in the manifests"));
    }

    @Test
    void aReplicaCountInADeploymentTheHpaScalesIsReported() {
        Fixtures.edit(
                k8s.resolve("overlays/prod/kustomization.yaml"),
                "name: (gateway|profile|recommendation|marketing)-service",
                "name: (gateway|profile|recommendation)-service");

        assertThat(validator.validate(render("prod")))
                .containsExactly(new Violation(
                        "Deployment/marketing-service",
                        "sets spec.replicas although HorizontalPodAutoscaler/marketing-service scales it:"
                                + " every kubectl apply would reset the replica count"));
    }

    @Test
    void aPodDisruptionBudgetThatSelectsNothingIsReported() {
        Fixtures.editAfter(
                k8s.resolve("overlays/prod/pdb.yaml"),
                "name: metrics-service",
                "matchLabels:\n      app: metrics-service",
                "matchLabels:\n      app: metrics");

        assertThat(validator.validate(render("prod")))
                .containsExactly(
                        new Violation("PodDisruptionBudget/metrics-service", "selects no Deployment or StatefulSet"));
    }

    @Test
    void aNetworkPolicyThatLetsAnotherServiceInIsReported() {
        Fixtures.editAfter(
                k8s.resolve("components/network-policies/services.yaml"),
                "name: profile-service",
                "app: gateway-service",
                "app: recommendation-service");

        assertThat(validator.validate(render("prod")))
                .containsExactly(new Violation(
                        "NetworkPolicy/profile-service",
                        "lets Deployment/recommendation-service reach profile-service on port 8081; only gateway-service"
                                + " may"));
    }

    @Test
    void withoutTheDefaultDenyPolicyEveryPodIsOpen() {
        Fixtures.edit(k8s.resolve("components/network-policies/kustomization.yaml"), "  - default-deny.yaml\n", "");

        assertThat(validator.validate(render("dev")))
                .containsExactly(new Violation(
                        "NetworkPolicy",
                        "no default-deny ingress policy (podSelector {}, policyTypes [Ingress], no rules): pods without"
                                + " a policy of their own accept connections from anywhere"));
    }

    @Test
    void aSecretKeyTheExternalSecretDoesNotProvideIsReportedWhereverItIsUsed() {
        Fixtures.edit(k8s.resolve("overlays/prod/external-secret.yaml"), """
                    - secretKey: DB_PASSWORD_SUPPLY
                      remoteRef:
                        key: freshloop/prod/postgres
                        property: supply-password
                """, "");

        assertThat(validator.validate(render("prod")))
                .containsExactlyInAnyOrder(
                        new Violation(
                                "Deployment/supply-service",
                                "container supply-service env DB_PASSWORD refers to key DB_PASSWORD_SUPPLY of Secret"
                                        + " freshloop-secrets, which does not provide it"),
                        new Violation(
                                "StatefulSet/postgres",
                                "container postgres env DB_PASSWORD_SUPPLY refers to key DB_PASSWORD_SUPPLY of Secret"
                                        + " freshloop-secrets, which does not provide it"));
    }

    @Test
    void aServiceEnvironmentVariableItsCodeDoesNotReadIsReported() {
        Fixtures.edit(k8s.resolve("base/supply-service/deployment.yaml"), "name: DB_USERNAME", "name: DB_USER");

        assertThat(validator.validate(render("dev")))
                .containsExactly(new Violation(
                        "Deployment/supply-service",
                        "env DB_USER is not read by supply-service (not in its application.yml, the starter's defaults"
                                + " or the platform conventions)"));
    }

    @Test
    void aGatewayRouteToTheWrongPortIsReported() {
        Fixtures.edit(
                k8s.resolve("base/gateway-service/deployment.yaml"),
                "http://supply-service:8084",
                "http://supply-service:8085");

        assertThat(validator.validate(render("dev")))
                .containsExactly(
                        new Violation(
                                "Deployment/gateway-service",
                                "SUPPLY_SERVICE_URL uses port 8085, but supply-service serves 8084"),
                        new Violation(
                                "Deployment/gateway-service",
                                "SUPPLY_SERVICE_URL points at port 8085 of Service supply-service, which does not expose"
                                        + " it"));
    }

    @Test
    void aMissingTopicAndAMismatchedDeadLetterTopicAreReported() {
        Path topics = k8s.resolve("base/kafka/topics.yaml");
        Fixtures.editAfter(topics, "name: freshloop.supply.v1.dlt\n", "partitions: 6", "partitions: 3");
        String text = Repository.read(topics);
        int start = text.indexOf("# dead letters of freshloop.metrics.v1");
        Fixtures.edit(topics, text.substring(start - "---\n".length()), "");

        assertThat(validator.validate(render("dev")))
                .containsExactly(
                        new Violation(
                                "KafkaTopic/freshloop.metrics.v1.dlt", "missing: platform/events Topics declares it"),
                        new Violation(
                                "KafkaTopic/freshloop.supply.v1.dlt",
                                "3 partitions, but its source topic has 6: dead-letter publishers keep the record's"
                                        + " partition"));
    }

    @Test
    void aFlinkJobThatRestoresOnItsOwnIsReported() {
        Fixtures.edit(k8s.resolve("base/stream-jobs/flink-deployment.yaml"), "      - none\n", "      - latest\n");

        assertThat(validator.validate(render("dev")))
                .containsExactly(new Violation(
                        "FlinkDeployment/stream-jobs",
                        "job args lack --restore-from none: the job would pick its own checkpoint and override the"
                                + " savepoint the operator restores from"));
    }

    @Test
    void theDevOverlayDoesNotRenderWithoutItsUncommittedSecretsFile() throws Exception {
        Files.delete(k8s.resolve("overlays/dev/secrets.env"));

        assertThatThrownBy(() -> render("dev"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("kubectl kustomize")
                .hasMessageContaining("secrets.env");
    }

    private List<Manifest> render(String overlay) {
        return Manifest.parseAll(Kustomize.render(k8s.resolve("overlays").resolve(overlay)));
    }
}
