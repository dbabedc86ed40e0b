package com.freshloop.deployment.kubernetes;

import com.freshloop.deployment.Violation;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads rendered objects into fabric8's typed Kubernetes models and reports what they cannot hold:
 * a value of the wrong type, or a field the model does not know ({@link UnknownFields}). Custom
 * resources, for which fabric8 has no model, are checked against {@link CustomResourceSchemas}.
 */
public final class TypedModels {

    private final KubernetesSerialization serialization = new KubernetesSerialization();
    private final CustomResourceSchemas schemas;

    public TypedModels(CustomResourceSchemas schemas) {
        this.schemas = schemas;
    }

    public TypedModels() {
        this(CustomResourceSchemas.load());
    }

    public List<Violation> check(List<Manifest> manifests) {
        List<Violation> violations = new ArrayList<>();
        for (Manifest manifest : manifests) {
            Optional<Class<? extends KubernetesResource>> model = modelOf(manifest);
            if (model.isPresent()) {
                violations.addAll(checkTyped(manifest, model.get()));
            } else {
                Optional<ResourceSchema> schema = schemas.find(manifest.apiVersion(), manifest.kind());
                if (schema.isEmpty()) {
                    violations.add(new Violation(
                            manifest.subject(),
                            "no typed model and no schema for " + manifest.apiVersion() + " " + manifest.kind()
                                    + ": add one to platform/deployment/src/main/resources/schemas"));
                } else {
                    schema.get().validate(manifest.raw(), this).stream()
                            .map(problem -> new Violation(manifest.subject(), problem))
                            .forEach(violations::add);
                }
            }
        }
        return violations;
    }

    /** The fabric8 model class of an apiVersion and kind, if fabric8 has one. */
    public Optional<Class<? extends KubernetesResource>> modelOf(Manifest manifest) {
        return Optional.ofNullable(
                serialization.getRegisteredKubernetesResource(manifest.apiVersion(), manifest.kind()));
    }

    /** The object as its typed model; callers have checked it with {@link #check} first. */
    public <T> T as(Manifest manifest, Class<T> type) {
        return convert(manifest.raw(), type);
    }

    /** Every rendered object of one typed kind. */
    public <T extends KubernetesResource> List<T> all(List<Manifest> manifests, Class<T> type) {
        return manifests.stream()
                .filter(manifest -> modelOf(manifest).filter(type::equals).isPresent())
                .map(manifest -> as(manifest, type))
                .toList();
    }

    <T> T convert(Object raw, Class<T> type) {
        return serialization.unmarshal(serialization.asJson(raw), type);
    }

    /** Problems of a value that should be a {@code type}: not readable, or with unknown fields. */
    List<String> problemsAs(Object raw, Class<?> type, String path) {
        Object model;
        try {
            model = convert(raw, type);
        } catch (RuntimeException e) {
            return List.of(prefix(path) + "does not read as " + type.getSimpleName() + ": " + firstLine(e));
        }
        return UnknownFields.in(model).stream()
                .map(field -> "unknown field " + (path.isEmpty() ? field : path + "." + field))
                .toList();
    }

    private List<Violation> checkTyped(Manifest manifest, Class<? extends KubernetesResource> model) {
        return problemsAs(manifest.raw(), model, "").stream()
                .map(problem -> new Violation(manifest.subject(), problem))
                .toList();
    }

    private static String prefix(String path) {
        return path.isEmpty() ? "" : path + " ";
    }

    private static String firstLine(RuntimeException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
