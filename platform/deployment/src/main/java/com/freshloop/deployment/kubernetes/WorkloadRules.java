package com.freshloop.deployment.kubernetes;

import com.freshloop.deployment.Violation;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SeccompProfile;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Rules every pod we run must follow: probes, resources, a restrictive security context, a pinned
 * image, and references (volumes, ConfigMaps, Secrets) that resolve within the rendered overlay.
 * Deployments and StatefulSets get all of them; Flink's pods (from the FlinkDeployment's pod
 * template) get the security context, without a read-only root file system, and the references:
 * the operator adds their probes and resources.
 */
final class WorkloadRules {

    private final Rendered rendered;

    WorkloadRules(Rendered rendered) {
        this.rendered = rendered;
    }

    List<Violation> check() {
        List<Violation> violations = new ArrayList<>();
        for (Workload workload : rendered.workloads) {
            boolean operatorManaged = workload.kind().equals("FlinkDeployment");
            for (Container container : containers(workload)) {
                String subject = workload.subject();
                String c = "container " + container.getName();
                List<String> problems = new ArrayList<>();
                if (!operatorManaged) {
                    probes(container, c, problems);
                    resources(container, c, problems);
                    image(container, c, problems);
                }
                security(workload, container, c, !operatorManaged, problems);
                mounts(workload, container, c, problems);
                env(container, c, problems);
                problems.forEach(problem -> violations.add(new Violation(subject, problem)));
            }
            volumes(workload).forEach(problem -> violations.add(new Violation(workload.subject(), problem)));
        }
        return violations;
    }

    static List<Container> containers(Workload workload) {
        List<Container> all = new ArrayList<>();
        if (workload.pod() == null) {
            return all;
        }
        if (workload.pod().getInitContainers() != null) {
            all.addAll(workload.pod().getInitContainers());
        }
        if (workload.pod().getContainers() != null) {
            all.addAll(workload.pod().getContainers());
        }
        return all;
    }

    private static void probes(Container container, String c, List<String> problems) {
        if (container.getLivenessProbe() == null) {
            problems.add(c + " has no livenessProbe");
        }
        if (container.getReadinessProbe() == null) {
            problems.add(c + " has no readinessProbe");
        }
    }

    private static void resources(Container container, String c, List<String> problems) {
        Map<String, Quantity> requests = container.getResources() == null
                ? null
                : container.getResources().getRequests();
        Map<String, Quantity> limits = container.getResources() == null
                ? null
                : container.getResources().getLimits();
        for (String resource : List.of("cpu", "memory")) {
            if (requests == null || !requests.containsKey(resource)) {
                problems.add(c + " requests no " + resource + " (resources.requests." + resource + ")");
            }
        }
        if (limits == null || !limits.containsKey("memory")) {
            problems.add(c + " has no memory limit (resources.limits.memory)");
        } else if (requests != null && requests.containsKey("memory")) {
            if (Quantity.getAmountInBytes(requests.get("memory"))
                            .compareTo(Quantity.getAmountInBytes(limits.get("memory")))
                    > 0) {
                problems.add(c + " requests more memory than its limit");
            }
        }
    }

    private static void image(Container container, String c, List<String> problems) {
        String image = container.getImage();
        if (image == null || image.isBlank()) {
            problems.add(c + " has no image");
            return;
        }
        String last = image.substring(image.lastIndexOf('/') + 1);
        if (!last.contains(":") && !image.contains("@sha256:")) {
            problems.add(c + " image " + image + " has no tag: pin a version");
        } else if (last.endsWith(":latest")) {
            problems.add(c + " image " + image + " is :latest: pin a version");
        }
    }

    private static void security(
            Workload workload, Container container, String c, boolean readOnlyRoot, List<String> problems) {
        PodSecurityContext pod = workload.pod().getSecurityContext();
        SecurityContext sc = container.getSecurityContext();
        Boolean runAsNonRoot = sc != null && sc.getRunAsNonRoot() != null
                ? sc.getRunAsNonRoot()
                : pod == null ? null : pod.getRunAsNonRoot();
        if (!Boolean.TRUE.equals(runAsNonRoot)) {
            problems.add(c + " may run as root (securityContext.runAsNonRoot is not true)");
        }
        SeccompProfile seccomp = sc != null && sc.getSeccompProfile() != null
                ? sc.getSeccompProfile()
                : pod == null ? null : pod.getSeccompProfile();
        if (seccomp == null || !"RuntimeDefault".equals(seccomp.getType())) {
            problems.add(c + " has no RuntimeDefault seccomp profile");
        }
        if (sc == null || !Boolean.FALSE.equals(sc.getAllowPrivilegeEscalation())) {
            problems.add(c + " allows privilege escalation (securityContext.allowPrivilegeEscalation is not false)");
        }
        if (sc == null
                || sc.getCapabilities() == null
                || sc.getCapabilities().getDrop() == null
                || !sc.getCapabilities().getDrop().contains("ALL")) {
            problems.add(c + " keeps Linux capabilities (securityContext.capabilities.drop lacks ALL)");
        }
        if (sc != null && Boolean.TRUE.equals(sc.getPrivileged())) {
            problems.add(c + " is privileged");
        }
        if (readOnlyRoot) {
            if (sc == null || !Boolean.TRUE.equals(sc.getReadOnlyRootFilesystem())) {
                problems.add(
                        c + " has a writable root file system (securityContext.readOnlyRootFilesystem is not true)");
            } else if (!hasEmptyDirAt(workload, container, "/tmp")) {
                problems.add(c + " has a read-only root file system but no emptyDir volume at /tmp");
            }
        }
    }

    private static boolean hasEmptyDirAt(Workload workload, Container container, String path) {
        if (container.getVolumeMounts() == null) {
            return false;
        }
        return container.getVolumeMounts().stream()
                .filter(mount -> path.equals(mount.getMountPath()))
                .map(mount -> volume(workload, mount.getName()))
                .flatMap(Optional::stream)
                .anyMatch(volume -> volume.getEmptyDir() != null);
    }

    private static Optional<Volume> volume(Workload workload, String name) {
        return workload.pod().getVolumes() == null
                ? Optional.empty()
                : workload.pod().getVolumes().stream()
                        .filter(v -> Objects.equals(v.getName(), name))
                        .findFirst();
    }

    private static void mounts(Workload workload, Container container, String c, List<String> problems) {
        if (container.getVolumeMounts() == null) {
            return;
        }
        for (VolumeMount mount : container.getVolumeMounts()) {
            if (volume(workload, mount.getName()).isEmpty()
                    && !workload.claimTemplates().contains(mount.getName())) {
                problems.add(c + " mounts volume " + mount.getName() + " at " + mount.getMountPath()
                        + ", but the pod has no such volume");
            }
        }
    }

    private List<String> volumes(Workload workload) {
        List<String> problems = new ArrayList<>();
        if (workload.pod() == null || workload.pod().getVolumes() == null) {
            return problems;
        }
        for (Volume volume : workload.pod().getVolumes()) {
            if (volume.getConfigMap() != null
                    && !rendered.configMaps.containsKey(volume.getConfigMap().getName())) {
                problems.add("volume " + volume.getName() + " refers to ConfigMap "
                        + volume.getConfigMap().getName() + ", which is not in the manifests");
            }
            if (volume.getSecret() != null
                    && !rendered.secretKeys.containsKey(volume.getSecret().getSecretName())) {
                problems.add("volume " + volume.getName() + " refers to Secret "
                        + volume.getSecret().getSecretName() + ", which is not in the manifests");
            }
            if (volume.getPersistentVolumeClaim() != null
                    && !rendered.persistentVolumeClaims.contains(
                            volume.getPersistentVolumeClaim().getClaimName())) {
                problems.add("volume " + volume.getName() + " refers to PersistentVolumeClaim "
                        + volume.getPersistentVolumeClaim().getClaimName() + ", which is not in the manifests");
            }
        }
        return problems;
    }

    private void env(Container container, String c, List<String> problems) {
        if (container.getEnv() == null) {
            return;
        }
        for (EnvVar env : container.getEnv()) {
            if (env.getValueFrom() == null) {
                continue;
            }
            var cmRef = env.getValueFrom().getConfigMapKeyRef();
            if (cmRef != null && !Boolean.TRUE.equals(cmRef.getOptional())) {
                ConfigMap cm = rendered.configMaps.get(cmRef.getName());
                if (cm == null) {
                    problems.add(c + " env " + env.getName() + " refers to ConfigMap " + cmRef.getName()
                            + ", which is not in the manifests");
                } else if (cm.getData() == null || !cm.getData().containsKey(cmRef.getKey())) {
                    problems.add(c + " env " + env.getName() + " refers to key " + cmRef.getKey() + " of ConfigMap "
                            + cmRef.getName() + ", which has no such key");
                }
            }
            var secretRef = env.getValueFrom().getSecretKeyRef();
            if (secretRef != null && !Boolean.TRUE.equals(secretRef.getOptional())) {
                Set<String> keys = rendered.secretKeys.get(secretRef.getName());
                if (keys == null) {
                    problems.add(c + " env " + env.getName() + " refers to Secret " + secretRef.getName()
                            + ", which neither the manifests nor an ExternalSecret create");
                } else if (!keys.contains(secretRef.getKey())) {
                    problems.add(c + " env " + env.getName() + " refers to key " + secretRef.getKey() + " of Secret "
                            + secretRef.getName() + ", which does not provide it");
                }
            }
        }
    }

    /** The value of a container's env var, resolved through ConfigMaps; empty for secrets and unknowns. */
    static Optional<String> envValue(Rendered rendered, Container container, String name) {
        if (container.getEnv() == null) {
            return Optional.empty();
        }
        return container.getEnv().stream()
                .filter(env -> name.equals(env.getName()))
                .findFirst()
                .flatMap(env -> {
                    if (env.getValue() != null) {
                        return Optional.of(env.getValue());
                    }
                    if (env.getValueFrom() != null && env.getValueFrom().getConfigMapKeyRef() != null) {
                        var ref = env.getValueFrom().getConfigMapKeyRef();
                        ConfigMap cm = rendered.configMaps.get(ref.getName());
                        return cm == null || cm.getData() == null
                                ? Optional.empty()
                                : Optional.ofNullable(cm.getData().get(ref.getKey()));
                    }
                    return Optional.empty();
                });
    }
}
