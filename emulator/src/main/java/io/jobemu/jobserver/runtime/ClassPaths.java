package io.jobemu.jobserver.runtime;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Resolves a {@code cp} list (a job's, or a context's {@code cp}/{@code dependent-jar-uris}) as the real DAO does:
 * an entry without a URI scheme names an uploaded binary, {@code local:} becomes a {@code file://} URI, and any
 * other scheme is taken as a URI binary, which must then open as a Java URL when a JVM loads it.
 */
public final class ClassPaths {

    /** One resolved entry: an uploaded binary's name, or a URI. */
    public record Entry(String name, boolean uploaded) {}

    /** No binary is uploaded under {@code name}. */
    public static final class UnknownBinaryException extends Exception {
        private final String name;

        UnknownBinaryException(String name) {
            super("can't find binary: " + name + " in database", null, false, false);
            this.name = name;
        }

        public String name() {
            return name;
        }
    }

    private final Predicate<String> uploaded;

    public ClassPaths(Predicate<String> uploaded) {
        this.uploaded = uploaded;
    }

    public List<Entry> resolve(List<String> classPath) throws URISyntaxException, UnknownBinaryException {
        List<Entry> entries = new ArrayList<>();
        for (String name : classPath) {
            URI uri = new URI(name);
            if (uri.getScheme() == null) {
                if (!uploaded.test(name)) {
                    throw new UnknownBinaryException(name);
                }
                entries.add(new Entry(name, true));
            } else if (uri.getScheme().equals("local")) {
                entries.add(new Entry("file://" + uri.getPath(), false));
            } else {
                entries.add(new Entry(name, false));
            }
        }
        return entries;
    }

    /** What adding the entries to a JVM class loader does: a URI Java cannot open fails. */
    static void checkLoadable(List<Entry> entries) throws MalformedURLException {
        for (Entry entry : entries) {
            if (!entry.uploaded()) {
                new URL(entry.name());
            }
        }
    }
}
