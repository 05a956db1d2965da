package io.jobemu.flink.operations;

/** Savepoint locations as Flink prints them: a {@code file:/} URI without a trailing slash. */
final class SavepointPaths {

    private SavepointPaths() {
    }

    /** {@code file:///a/b/} and {@code /a/b} both become {@code file:/a/b}; other schemes stay as given. */
    static String normalise(String location) {
        String path = location;
        if (path.startsWith("file://")) {
            path = path.substring("file://".length());
        } else if (path.startsWith("file:")) {
            path = path.substring("file:".length());
        } else if (path.contains("://")) {
            return stripTrailingSlash(path);
        }
        while (path.startsWith("//")) {
            path = path.substring(1);
        }
        return "file:" + stripTrailingSlash(path.startsWith("/") ? path : "/" + path);
    }

    private static String stripTrailingSlash(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
