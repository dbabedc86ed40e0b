package com.freshloop.deployment.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import com.freshloop.deployment.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The structural check on small documents, without kubectl. */
class TypedModelsTests {

    private final TypedModels models = new TypedModels();

    @Test
    void aCorrectDeploymentHasNoProblems() {
        assertThat(check(deployment("readinessProbe"))).isEmpty();
    }

    @Test
    void anUnknownFieldDeepInsideABuiltInKindIsReportedWithItsFullPath() {
        assertThat(check(deployment("readinesProbe")))
                .containsExactly(new Violation(
                        "Deployment/demo", "unknown field spec.template.spec.containers[1].readinesProbe"));
    }

    @Test
    void anUnknownFieldInMetadataIsReported() {
        assertThat(check("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: demo
                  label:
                    app: demo
                data:
                  a: b
                """)).containsExactly(new Violation("ConfigMap/demo", "unknown field metadata.label"));
    }

    @Test
    void aValueOfTheWrongTypeIsReportedAsUnreadable() {
        List<Violation> violations = check("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: demo
                spec:
                  ports:
                    - port: [8080]
                """);

        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.subject()).isEqualTo("Service/demo");
            assertThat(v.message()).startsWith("does not read as Service");
        });
    }

    @Test
    void aCustomResourceIsCheckedAgainstItsSchema() {
        assertThat(check("""
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaNodePool
                metadata:
                  name: pool
                spec:
                  replicas: "3"
                  roles: [broker, zookeeper]
                  storage:
                    type: jbod
                    volumes:
                      - id: 0
                        type: persistent-claim
                        size: 10Gi
                        deleteClam: false
                  resources:
                    request:
                      memory: 1Gi
                """))
                .containsExactly(
                        new Violation("KafkaNodePool/pool", "spec.replicas must be an integer, not the string \"3\""),
                        new Violation(
                                "KafkaNodePool/pool", "spec.roles[1] is zookeeper, not one of [controller, broker]"),
                        new Violation("KafkaNodePool/pool", "unknown field spec.storage.volumes[0].deleteClam"),
                        new Violation("KafkaNodePool/pool", "unknown field spec.resources.request"));
    }

    @Test
    void aKindWithNeitherModelNorSchemaIsReported() {
        assertThat(check("""
                apiVersion: example.com/v1
                kind: Widget
                metadata:
                  name: w
                spec: {}
                """))
                .containsExactly(new Violation(
                        "Widget/w",
                        "no typed model and no schema for example.com/v1 Widget: add one to"
                                + " platform/deployment/src/main/resources/schemas"));
    }

    @Test
    void everyCustomResourceSchemaLoads() {
        CustomResourceSchemas schemas = CustomResourceSchemas.load();

        assertThat(schemas.find("kafka.strimzi.io/v1beta2", "Kafka")).isPresent();
        assertThat(schemas.find("kafka.strimzi.io/v1beta2", "KafkaNodePool")).isPresent();
        assertThat(schemas.find("kafka.strimzi.io/v1beta2", "KafkaTopic")).isPresent();
        assertThat(schemas.find("flink.apache.org/v1beta1", "FlinkDeployment")).isPresent();
        assertThat(schemas.find("monitoring.coreos.com/v1", "ServiceMonitor")).isPresent();
        assertThat(schemas.find("monitoring.coreos.com/v1", "PodMonitor")).isPresent();
        assertThat(schemas.find("external-secrets.io/v1", "ExternalSecret")).isPresent();
        assertThat(schemas.find("kafka.strimzi.io/v1", "Kafka")).isEmpty();
    }

    private List<Violation> check(String yaml) {
        return models.check(Manifest.parseAll(yaml));
    }

    private static String deployment(String readinessField) {
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: demo
                spec:
                  selector:
                    matchLabels:
                      app: demo
                  template:
                    metadata:
                      labels:
                        app: demo
                    spec:
                      containers:
                        - name: sidecar
                          image: busybox:1.36
                        - name: demo
                          image: demo:1.0
                          %s:
                            httpGet:
                              path: /ready
                              port: 8080
                          resources:
                            requests:
                              cpu: 100m
                """.formatted(readinessField);
    }
}
