package com.freshloop.deployment.kubernetes;

import io.fabric8.kubernetes.api.model.PodSpec;
import java.util.Map;
import java.util.Set;

/**
 * Something that runs pods: a Deployment, a StatefulSet, or the pods the Flink operator creates from
 * a FlinkDeployment's pod template.
 *
 * @param replicas the fixed replica count, or null when unset (an HPA or the operator decides)
 * @param claimTemplates names of a StatefulSet's volumeClaimTemplates, usable as volumes
 */
record Workload(
        String kind,
        String name,
        Map<String, String> podLabels,
        PodSpec pod,
        Integer replicas,
        Set<String> claimTemplates) {

    String subject() {
        return kind + "/" + name;
    }
}
