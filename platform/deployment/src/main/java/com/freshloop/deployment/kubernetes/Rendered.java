package com.freshloop.deployment.kubernetes;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A rendered overlay, indexed: the typed objects the rules look at, by kind and name. */
final class Rendered {

    final List<Manifest> manifests;
    final List<Deployment> deployments;
    final List<StatefulSet> statefulSets;
    final List<Service> services;
    final List<HorizontalPodAutoscaler> hpas;
    final List<PodDisruptionBudget> pdbs;
    final List<NetworkPolicy> networkPolicies;
    final Map<String, ConfigMap> configMaps = new HashMap<>();
    final Set<String> persistentVolumeClaims = new LinkedHashSet<>();
    /** Secret name to its keys: rendered Secrets and the Secrets ExternalSecrets create. */
    final Map<String, Set<String>> secretKeys = new HashMap<>();

    final List<Workload> workloads = new ArrayList<>();

    Rendered(List<Manifest> manifests, TypedModels models) {
        this.manifests = manifests;
        deployments = models.all(manifests, Deployment.class);
        statefulSets = models.all(manifests, StatefulSet.class);
        services = models.all(manifests, Service.class);
        hpas = models.all(manifests, HorizontalPodAutoscaler.class);
        pdbs = models.all(manifests, PodDisruptionBudget.class);
        networkPolicies = models.all(manifests, NetworkPolicy.class);
        models.all(manifests, ConfigMap.class)
                .forEach(cm -> configMaps.put(cm.getMetadata().getName(), cm));
        models.all(manifests, PersistentVolumeClaim.class)
                .forEach(pvc -> persistentVolumeClaims.add(pvc.getMetadata().getName()));
        for (Secret secret : models.all(manifests, Secret.class)) {
            Set<String> keys = new LinkedHashSet<>();
            if (secret.getData() != null) {
                keys.addAll(secret.getData().keySet());
            }
            if (secret.getStringData() != null) {
                keys.addAll(secret.getStringData().keySet());
            }
            secretKeys.put(secret.getMetadata().getName(), keys);
        }
        for (Manifest external : ofKind("ExternalSecret")) {
            Object target = external.at("spec.target.name");
            Set<String> keys = secretKeys.computeIfAbsent(
                    target == null ? external.name() : String.valueOf(target), name -> new LinkedHashSet<>());
            if (external.at("spec.data") instanceof List<?> data) {
                data.stream()
                        .filter(Map.class::isInstance)
                        .map(entry -> ((Map<?, ?>) entry).get("secretKey"))
                        .forEach(key -> keys.add(String.valueOf(key)));
            }
        }
        for (Deployment d : deployments) {
            workloads.add(new Workload(
                    "Deployment",
                    d.getMetadata().getName(),
                    labels(d.getSpec().getTemplate().getMetadata().getLabels()),
                    d.getSpec().getTemplate().getSpec(),
                    d.getSpec().getReplicas(),
                    Set.of()));
        }
        for (StatefulSet s : statefulSets) {
            Set<String> claims = new LinkedHashSet<>();
            if (s.getSpec().getVolumeClaimTemplates() != null) {
                s.getSpec()
                        .getVolumeClaimTemplates()
                        .forEach(t -> claims.add(t.getMetadata().getName()));
            }
            workloads.add(new Workload(
                    "StatefulSet",
                    s.getMetadata().getName(),
                    labels(s.getSpec().getTemplate().getMetadata().getLabels()),
                    s.getSpec().getTemplate().getSpec(),
                    s.getSpec().getReplicas(),
                    claims));
        }
        for (Manifest flink : ofKind("FlinkDeployment")) {
            Object template = flink.at("spec.podTemplate");
            if (template != null) {
                Pod pod = models.convert(template, Pod.class);
                Map<String, String> podLabels = new LinkedHashMap<>();
                // The operator labels every JobManager and TaskManager pod app: <FlinkDeployment name>.
                podLabels.put("app", flink.name());
                if (pod.getMetadata() != null && pod.getMetadata().getLabels() != null) {
                    podLabels.putAll(pod.getMetadata().getLabels());
                }
                workloads.add(new Workload("FlinkDeployment", flink.name(), podLabels, pod.getSpec(), null, Set.of()));
            }
        }
    }

    List<Manifest> ofKind(String kind) {
        return manifests.stream().filter(m -> m.kind().equals(kind)).toList();
    }

    Optional<Workload> workload(String kind, String name) {
        return workloads.stream()
                .filter(w -> w.kind().equals(kind) && w.name().equals(name))
                .findFirst();
    }

    Optional<Service> service(String name) {
        return services.stream()
                .filter(s -> s.getMetadata().getName().equals(name))
                .findFirst();
    }

    Optional<HorizontalPodAutoscaler> hpaFor(Workload workload) {
        return hpas.stream()
                .filter(hpa -> hpa.getSpec().getScaleTargetRef().getKind().equals(workload.kind())
                        && hpa.getSpec().getScaleTargetRef().getName().equals(workload.name()))
                .findFirst();
    }

    private static Map<String, String> labels(Map<String, String> labels) {
        return labels == null ? Map.of() : labels;
    }
}
