package com.freshloop.deployment.kubernetes;

import com.freshloop.deployment.Violation;
import com.freshloop.deployment.services.ServiceCatalog;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Zero trust inside the namespace: a default-deny ingress policy exists, and no policy opens a
 * service's API port (every container port but {@code management}) to anyone but the gateway.
 * NetworkPolicies are additive, so every policy that selects a service's pods is examined.
 */
final class NetworkPolicyRules {

    private static final String MANAGEMENT_PORT = "management";

    private final Rendered rendered;
    private final ServiceCatalog catalog;

    NetworkPolicyRules(Rendered rendered, ServiceCatalog catalog) {
        this.rendered = rendered;
        this.catalog = catalog;
    }

    List<Violation> check() {
        List<Violation> violations = new ArrayList<>();
        if (rendered.networkPolicies.stream().noneMatch(NetworkPolicyRules::isDefaultDenyIngress)) {
            violations.add(new Violation(
                    "NetworkPolicy",
                    "no default-deny ingress policy (podSelector {}, policyTypes [Ingress], no rules): pods without a"
                            + " policy of their own accept connections from anywhere"));
        }
        Workload gateway =
                rendered.workload("Deployment", ServiceCatalog.ENTRY_POINT).orElse(null);
        for (String name : catalog.names()) {
            if (name.equals(ServiceCatalog.ENTRY_POINT)) {
                continue;
            }
            rendered.workload("Deployment", name).ifPresent(service -> check(service, gateway, violations));
        }
        return violations;
    }

    private void check(Workload service, Workload gateway, List<Violation> violations) {
        List<ContainerPort> apiPorts = WorkloadRules.containers(service).stream()
                .flatMap(c -> c.getPorts() == null ? Stream.<ContainerPort>empty() : c.getPorts().stream())
                .filter(p -> !MANAGEMENT_PORT.equals(p.getName()))
                .toList();
        for (NetworkPolicy policy : rendered.networkPolicies) {
            if (!appliesToIngress(policy)
                    || !Selectors.matches(policy.getSpec().getPodSelector(), service.podLabels())) {
                continue;
            }
            String subject = "NetworkPolicy/" + policy.getMetadata().getName();
            List<NetworkPolicyIngressRule> rules = policy.getSpec().getIngress() == null
                    ? List.of()
                    : policy.getSpec().getIngress();
            for (NetworkPolicyIngressRule rule : rules) {
                for (ContainerPort port : apiPorts) {
                    if (!covers(rule.getPorts(), port)) {
                        continue;
                    }
                    String where = service.name() + " on port " + port.getContainerPort();
                    if (rule.getFrom() == null || rule.getFrom().isEmpty()) {
                        violations.add(new Violation(
                                subject,
                                "lets any source reach " + where + "; only " + ServiceCatalog.ENTRY_POINT + " may"));
                        continue;
                    }
                    for (NetworkPolicyPeer peer : rule.getFrom()) {
                        String problem = problem(peer, gateway);
                        if (problem != null) {
                            violations.add(new Violation(
                                    subject,
                                    "lets " + problem + " reach " + where + "; only " + ServiceCatalog.ENTRY_POINT
                                            + " may"));
                        }
                    }
                }
            }
        }
    }

    private String problem(NetworkPolicyPeer peer, Workload gateway) {
        if (peer.getIpBlock() != null) {
            return "addresses " + peer.getIpBlock().getCidr();
        }
        if (peer.getNamespaceSelector() != null) {
            return "pods of other namespaces";
        }
        if (peer.getPodSelector() == null || Selectors.isEmpty(peer.getPodSelector())) {
            return "every pod of the namespace";
        }
        List<String> others = rendered.workloads.stream()
                .filter(w -> w != gateway && Selectors.matches(peer.getPodSelector(), w.podLabels()))
                .map(Workload::subject)
                .toList();
        if (!others.isEmpty()) {
            return String.join(", ", others);
        }
        if (gateway == null || !Selectors.matches(peer.getPodSelector(), gateway.podLabels())) {
            return "pods other than the gateway's";
        }
        return null;
    }

    private static boolean covers(List<NetworkPolicyPort> ports, ContainerPort port) {
        if (ports == null || ports.isEmpty()) {
            return true;
        }
        for (NetworkPolicyPort rulePort : ports) {
            IntOrString value = rulePort.getPort();
            if (value == null) {
                return true;
            }
            if (value.getIntVal() != null) {
                int from = value.getIntVal();
                int to = rulePort.getEndPort() == null ? from : rulePort.getEndPort();
                if (port.getContainerPort() >= from && port.getContainerPort() <= to) {
                    return true;
                }
            } else if (value.getStrVal().equals(port.getName())) {
                return true;
            }
        }
        return false;
    }

    private static boolean appliesToIngress(NetworkPolicy policy) {
        List<String> types = policy.getSpec().getPolicyTypes();
        return types == null || types.isEmpty() || types.contains("Ingress");
    }

    private static boolean isDefaultDenyIngress(NetworkPolicy policy) {
        return Selectors.isEmpty(policy.getSpec().getPodSelector())
                && policy.getSpec().getPolicyTypes() != null
                && policy.getSpec().getPolicyTypes().contains("Ingress")
                && (policy.getSpec().getIngress() == null
                        || policy.getSpec().getIngress().isEmpty());
    }
}
