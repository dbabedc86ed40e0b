package com.freshloop.deployment.kubernetes;

import com.freshloop.deployment.Violation;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Autoscalers that scale something real, on metrics that exist, without fighting the manifests; and
 * disruption budgets that protect real pods without blocking node drains.
 */
final class ScalingRules {

    /** Pods metrics prometheus-adapter serves for the services (docs/operations.md). */
    static final Set<String> POD_METRICS = Set.of("http_server_requests_per_second");

    private final Rendered rendered;

    ScalingRules(Rendered rendered) {
        this.rendered = rendered;
    }

    List<Violation> check() {
        List<Violation> violations = new ArrayList<>();
        rendered.hpas.forEach(hpa -> hpa(hpa, violations));
        Map<String, List<String>> budgetsByWorkload = new HashMap<>();
        rendered.pdbs.forEach(pdb -> pdb(pdb, violations, budgetsByWorkload));
        budgetsByWorkload.forEach((workload, budgets) -> {
            if (budgets.size() > 1) {
                violations.add(new Violation(
                        workload,
                        "is selected by several PodDisruptionBudgets " + budgets
                                + ": the eviction API refuses to evict its pods at all"));
            }
        });
        return violations;
    }

    private void hpa(HorizontalPodAutoscaler hpa, List<Violation> violations) {
        String subject = "HorizontalPodAutoscaler/" + hpa.getMetadata().getName();
        var ref = hpa.getSpec().getScaleTargetRef();
        Optional<Workload> target = rendered.workload(ref.getKind(), ref.getName());
        if (target.isEmpty() || target.get().kind().equals("FlinkDeployment")) {
            violations.add(new Violation(
                    subject, "scales " + ref.getKind() + "/" + ref.getName() + ", which is not in the manifests"));
            return;
        }
        if (!"apps/v1".equals(ref.getApiVersion())) {
            violations.add(
                    new Violation(subject, "scaleTargetRef.apiVersion is " + ref.getApiVersion() + ", not apps/v1"));
        }
        int min = hpa.getSpec().getMinReplicas() == null ? 1 : hpa.getSpec().getMinReplicas();
        if (min > hpa.getSpec().getMaxReplicas()) {
            violations.add(new Violation(
                    subject,
                    "minReplicas " + min + " is above maxReplicas "
                            + hpa.getSpec().getMaxReplicas()));
        }
        if (target.get().replicas() != null) {
            violations.add(new Violation(
                    target.get().subject(),
                    "sets spec.replicas although " + subject
                            + " scales it: every kubectl apply would reset the replica count"));
        }
        List<MetricSpec> metrics =
                hpa.getSpec().getMetrics() == null ? List.of() : hpa.getSpec().getMetrics();
        if (metrics.isEmpty()) {
            violations.add(new Violation(subject, "has no metrics"));
        }
        for (MetricSpec metric : metrics) {
            if (metric.getResource() != null
                    && "cpu".equals(metric.getResource().getName())) {
                for (Container container : WorkloadRules.containers(target.get())) {
                    boolean requestsCpu = container.getResources() != null
                            && container.getResources().getRequests() != null
                            && container.getResources().getRequests().containsKey("cpu");
                    if (!requestsCpu) {
                        violations.add(new Violation(
                                subject,
                                "scales on CPU utilisation, but container " + container.getName() + " of "
                                        + target.get().subject() + " requests no CPU"));
                    }
                }
            }
            if (metric.getPods() != null
                    && !POD_METRICS.contains(metric.getPods().getMetric().getName())) {
                violations.add(new Violation(
                        subject,
                        "uses Pods metric " + metric.getPods().getMetric().getName()
                                + ", which prometheus-adapter does not serve (served: " + POD_METRICS + ")"));
            }
        }
    }

    private void pdb(PodDisruptionBudget pdb, List<Violation> violations, Map<String, List<String>> budgets) {
        String subject = "PodDisruptionBudget/" + pdb.getMetadata().getName();
        List<Workload> selected = rendered.workloads.stream()
                .filter(w -> !w.kind().equals("FlinkDeployment"))
                .filter(w -> Selectors.matches(pdb.getSpec().getSelector(), w.podLabels()))
                .toList();
        if (selected.isEmpty()) {
            violations.add(new Violation(subject, "selects no Deployment or StatefulSet"));
            return;
        }
        for (Workload workload : selected) {
            budgets.computeIfAbsent(workload.subject(), k -> new ArrayList<>())
                    .add(pdb.getMetadata().getName());
            int replicas = rendered.hpaFor(workload)
                    .map(hpa -> hpa.getSpec().getMinReplicas() == null
                            ? 1
                            : hpa.getSpec().getMinReplicas())
                    .orElse(workload.replicas() == null ? 1 : workload.replicas());
            if (allowedDisruptions(pdb, replicas) < 1) {
                violations.add(new Violation(
                        subject,
                        "allows no voluntary disruption of " + workload.subject() + " at " + replicas
                                + " replica(s): node drains would hang"));
            }
        }
    }

    private static int allowedDisruptions(PodDisruptionBudget pdb, int replicas) {
        IntOrString maxUnavailable = pdb.getSpec().getMaxUnavailable();
        IntOrString minAvailable = pdb.getSpec().getMinAvailable();
        if (maxUnavailable != null) {
            return absolute(maxUnavailable, replicas, true);
        }
        if (minAvailable != null) {
            return replicas - absolute(minAvailable, replicas, false);
        }
        return 0;
    }

    private static int absolute(IntOrString value, int replicas, boolean roundDown) {
        if (value.getIntVal() != null) {
            return value.getIntVal();
        }
        double percent = Double.parseDouble(value.getStrVal().replace("%", "")) / 100.0;
        return (int) (roundDown ? Math.floor(replicas * percent) : Math.ceil(replicas * percent));
    }
}
