package io.jobemu.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Every namespace of one emulator, created on first use. A request picks its namespace with the
 * {@value #HEADER} header or a {@code /_ns/<name>} path prefix; without either it uses {@value #DEFAULT}.
 */
public final class Namespaces implements AutoCloseable {

    public static final String DEFAULT = "default";
    public static final String HEADER = "X-Emulator-Namespace";
    public static final String PATH_PREFIX = "/_ns/";
    private static final Pattern VALID_NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final Map<String, Namespace> namespaces = new LinkedHashMap<>();
    private final Function<String, Namespace> factory;
    /** Bounds memory when a client invents names in a loop. */
    private final int maxNamespaces;

    public Namespaces(Function<String, Namespace> factory, int maxNamespaces) {
        this.factory = factory;
        this.maxNamespaces = maxNamespaces;
    }

    /**
     * The namespace called {@code name}, created if new.
     *
     * @throws IllegalArgumentException for an invalid name, or a new one past the limit
     */
    public synchronized Namespace get(String name) {
        Namespace existing = namespaces.get(name);
        if (existing != null) {
            return existing;
        }
        if (!VALID_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("namespace names are 1 to 64 letters, digits, '.', '_' or '-'; got \""
                    + name + "\"");
        }
        if (namespaces.size() >= maxNamespaces) {
            throw new IllegalArgumentException("at most " + maxNamespaces + " namespaces can exist at once; "
                    + "delete some with DELETE /_emulator/namespaces/{name}");
        }
        Namespace created = factory.apply(name);
        namespaces.put(name, created);
        return created;
    }

    public synchronized boolean exists(String name) {
        return namespaces.containsKey(name);
    }

    public synchronized List<String> names() {
        return new ArrayList<>(namespaces.keySet());
    }

    /** Closes and forgets a namespace; the default one is only reset, as every listener relies on it. */
    public synchronized boolean remove(String name) {
        if (name.equals(DEFAULT)) {
            Optional.ofNullable(namespaces.get(DEFAULT)).ifPresent(Namespace::reset);
            return true;
        }
        Namespace removed = namespaces.remove(name);
        if (removed != null) {
            removed.close();
        }
        return removed != null;
    }

    @Override
    public synchronized void close() {
        namespaces.values().forEach(Namespace::close);
        namespaces.clear();
    }
}
