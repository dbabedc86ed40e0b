package com.freshloop.deployment.kubernetes;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** One object of a rendered kustomization, as the YAML says it (before any typed model reads it). */
public record Manifest(Map<String, Object> raw) {

    public Manifest {
        raw = Collections.unmodifiableMap(new LinkedHashMap<>(raw));
    }

    /** Every object of a multi-document YAML stream (empty documents skipped). */
    @SuppressWarnings("unchecked")
    public static List<Manifest> parseAll(String yaml) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(64 * 1024 * 1024);
        List<Manifest> manifests = new ArrayList<>();
        for (Object document : new Yaml(new SafeConstructor(options)).loadAll(yaml)) {
            if (document instanceof Map<?, ?> map) {
                manifests.add(new Manifest((Map<String, Object>) map));
            } else if (document != null) {
                throw new IllegalArgumentException("not a Kubernetes object: " + document);
            }
        }
        return manifests;
    }

    public String apiVersion() {
        return String.valueOf(raw.get("apiVersion"));
    }

    public String kind() {
        return String.valueOf(raw.get("kind"));
    }

    public String name() {
        return raw.get("metadata") instanceof Map<?, ?> metadata ? String.valueOf(metadata.get("name")) : "?";
    }

    /** {@code Kind/name}, how violations name an object. */
    public String subject() {
        return kind() + "/" + name();
    }

    /** The value at a dotted path of maps ({@code spec.kafka.version}), or null. */
    public Object at(String dottedPath) {
        Object current = raw;
        for (String key : dottedPath.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }

    /** Like {@link #at} for paths whose keys contain dots themselves (labels, Flink options). */
    public Object at(String... keys) {
        Object current = raw;
        for (String key : keys) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }
}
