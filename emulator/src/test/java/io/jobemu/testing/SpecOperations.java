package io.jobemu.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Reads the "METHOD /path" operations an OpenAPI document (on the classpath) declares. */
public final class SpecOperations {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private SpecOperations() {
    }

    public static Set<String> load(String resource) throws IOException {
        JsonNode spec;
        try (InputStream in = SpecOperations.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("no such resource: " + resource);
            }
            spec = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
        Set<String> operations = new TreeSet<>();
        for (Map.Entry<String, JsonNode> path : spec.path("paths").properties()) {
            path.getValue().fieldNames().forEachRemaining(method -> {
                if (METHODS.contains(method)) {
                    operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
                }
            });
        }
        return operations;
    }
}
