package com.freshloop.deployment.kubernetes;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small structural schema for one custom resource kind, in a subset of the OpenAPI v3 schema that
 * CRDs use: {@code type}, {@code properties} (the allowed keys), {@code required}, {@code items},
 * {@code additionalProperties}, {@code enum}, {@code minimum},
 * {@code x-kubernetes-preserve-unknown-fields}, plus {@code x-fabric8-model}: the subtree is a
 * built-in Kubernetes type (a Pod template, a SecurityContext...) and is read with that fabric8
 * model, unknown fields included. {@code apiVersion}, {@code kind} and {@code metadata} (an
 * ObjectMeta) are implied at the top.
 */
public record ResourceSchema(String apiVersion, String kind, Map<String, Object> root) {

    /** Every problem of {@code object}, each naming its path, e.g. {@code unknown field spec.partitons}. */
    public List<String> validate(Map<String, Object> object, TypedModels models) {
        List<String> problems = new ArrayList<>();
        Map<String, Object> top = new LinkedHashMap<>(object);
        Object metadata = top.remove("metadata");
        top.remove("apiVersion");
        top.remove("kind");
        if (metadata == null) {
            problems.add("missing required field metadata");
        } else {
            problems.addAll(models.problemsAs(metadata, ObjectMeta.class, "metadata"));
        }
        check(top, root, "", problems, models);
        return problems;
    }

    @SuppressWarnings("unchecked")
    private static void check(
            Object value, Map<String, Object> schema, String path, List<String> problems, TypedModels models) {
        if (schema.get("x-fabric8-model") instanceof String model) {
            try {
                problems.addAll(models.problemsAs(value, Class.forName(model), path));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("schema names an unknown model " + model, e);
            }
            return;
        }
        String type = (String) schema.getOrDefault("type", schema.containsKey("properties") ? "object" : "any");
        if (!hasType(value, type)) {
            problems.add(at(path) + "must be " + article(type) + ", not " + describe(value));
            return;
        }
        if (schema.get("enum") instanceof List<?> allowed && !allowed.contains(value)) {
            problems.add(at(path) + "is " + value + ", not one of " + allowed);
        }
        if (schema.get("minimum") instanceof Number minimum
                && value instanceof Number number
                && number.longValue() < minimum.longValue()) {
            problems.add(at(path) + "is " + number + ", below the minimum " + minimum);
        }
        if (value instanceof Map<?, ?> map) {
            checkObject((Map<String, Object>) map, schema, path, problems, models);
        } else if (value instanceof List<?> list && schema.get("items") instanceof Map<?, ?> items) {
            for (int i = 0; i < list.size(); i++) {
                check(list.get(i), (Map<String, Object>) items, path + "[" + i + "]", problems, models);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void checkObject(
            Map<String, Object> map,
            Map<String, Object> schema,
            String path,
            List<String> problems,
            TypedModels models) {
        for (Object required : (List<Object>) schema.getOrDefault("required", List.of())) {
            if (!map.containsKey(String.valueOf(required))) {
                problems.add("missing required field " + join(path, String.valueOf(required)));
            }
        }
        Map<String, Object> properties = (Map<String, Object>) schema.getOrDefault("properties", Map.of());
        Object additional = schema.get("additionalProperties");
        boolean preserve = Boolean.TRUE.equals(schema.get("x-kubernetes-preserve-unknown-fields"));
        for (Map.Entry<String, Object> entry : map.entrySet()) {
            String childPath = join(path, entry.getKey());
            if (properties.get(entry.getKey()) instanceof Map<?, ?> child) {
                check(entry.getValue(), (Map<String, Object>) child, childPath, problems, models);
            } else if (additional instanceof Map<?, ?> valueSchema) {
                check(entry.getValue(), (Map<String, Object>) valueSchema, childPath, problems, models);
            } else if (!preserve && !Boolean.TRUE.equals(additional)) {
                problems.add("unknown field " + childPath);
            }
        }
    }

    private static boolean hasType(Object value, String type) {
        return switch (type) {
            case "object" -> value instanceof Map<?, ?>;
            case "array" -> value instanceof List<?>;
            case "string" -> value instanceof String;
            case "integer" -> value instanceof Integer || value instanceof Long;
            case "number" -> value instanceof Number;
            case "boolean" -> value instanceof Boolean;
            case "int-or-string" -> value instanceof Integer || value instanceof Long || value instanceof String;
            case "any" -> true;
            default -> throw new IllegalStateException("unknown schema type " + type);
        };
    }

    private static String describe(Object value) {
        if (value instanceof Map<?, ?>) {
            return "an object";
        }
        if (value instanceof List<?>) {
            return "an array";
        }
        return value instanceof String ? "the string \"" + value + "\"" : String.valueOf(value);
    }

    private static String article(String type) {
        return type.equals("object") || type.equals("array") || type.equals("integer") ? "an " + type : "a " + type;
    }

    private static String at(String path) {
        return path.isEmpty() ? "" : path + " ";
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
