package com.freshloop.deployment.kubernetes;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the fields a fabric8 model did not recognise. fabric8 does not reject an unknown field: it
 * keeps it in the object's {@code additionalProperties}, where a typo such as {@code readynessProbe}
 * would otherwise go unnoticed until the API server drops it. This walks the whole object graph and
 * reports the path of every such field.
 */
public final class UnknownFields {

    private static final String MODEL_PACKAGE = "io.fabric8.";

    private UnknownFields() {}

    /** Paths such as {@code spec.template.spec.containers[0].readynessProbe}, relative to {@code model}. */
    public static List<String> in(Object model) {
        List<String> found = new ArrayList<>();
        walk(model, "", found, Collections.newSetFromMap(new IdentityHashMap<>()));
        return found;
    }

    private static void walk(Object value, String path, List<String> found, Set<Object> seen) {
        if (value == null) {
            return;
        }
        if (value instanceof Collection<?> collection) {
            int i = 0;
            for (Object element : collection) {
                walk(element, path + "[" + i++ + "]", found, seen);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, element) -> walk(element, path + "[" + key + "]", found, seen));
            return;
        }
        if (!value.getClass().getName().startsWith(MODEL_PACKAGE) || !seen.add(value)) {
            return;
        }
        additionalProperties(value).keySet().forEach(key -> found.add(join(path, String.valueOf(key))));
        for (Class<?> type = value.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) || field.getName().equals("additionalProperties")) {
                    continue;
                }
                walk(read(field, value), join(path, jsonName(field)), found, seen);
            }
        }
    }

    private static Map<?, ?> additionalProperties(Object model) {
        try {
            Method getter = model.getClass().getMethod("getAdditionalProperties");
            return getter.invoke(model) instanceof Map<?, ?> map ? map : Map.of();
        } catch (NoSuchMethodException e) {
            return Map.of();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read the additional properties of " + model.getClass(), e);
        }
    }

    private static Object read(Field field, Object owner) {
        try {
            field.setAccessible(true);
            return field.get(owner);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot read " + field + " reflectively", e);
        }
    }

    private static String jsonName(Field field) {
        JsonProperty property = field.getAnnotation(JsonProperty.class);
        return property != null && !property.value().isEmpty() ? property.value() : field.getName();
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
