package com.freshloop.deployment.kubernetes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The schemas of the custom resources the manifests use, from {@code src/main/resources/schemas}:
 * abridged from the operators' CRDs to the fields a freshloop manifest may set.
 */
public final class CustomResourceSchemas {

    /** One file per kind; a new custom resource in k8s/ needs its schema added here. */
    static final List<String> FILES = List.of(
            "kafka.yaml",
            "kafkanodepool.yaml",
            "kafkatopic.yaml",
            "flinkdeployment.yaml",
            "servicemonitor.yaml",
            "podmonitor.yaml",
            "externalsecret.yaml");

    private final Map<String, ResourceSchema> byType;

    private CustomResourceSchemas(Map<String, ResourceSchema> byType) {
        this.byType = byType;
    }

    public static CustomResourceSchemas load() {
        Map<String, ResourceSchema> byType = new LinkedHashMap<>();
        for (String file : FILES) {
            ResourceSchema schema = read("/schemas/" + file);
            byType.put(key(schema.apiVersion(), schema.kind()), schema);
        }
        return new CustomResourceSchemas(byType);
    }

    public Optional<ResourceSchema> find(String apiVersion, String kind) {
        return Optional.ofNullable(byType.get(key(apiVersion, kind)));
    }

    @SuppressWarnings("unchecked")
    private static ResourceSchema read(String resource) {
        try (InputStream in = CustomResourceSchemas.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing schema " + resource);
            }
            Map<String, Object> document =
                    (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            return new ResourceSchema(
                    (String) document.get("apiVersion"), (String) document.get("kind"), (Map<String, Object>)
                            document.get("schema"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String key(String apiVersion, String kind) {
        return apiVersion + " " + kind;
    }
}
