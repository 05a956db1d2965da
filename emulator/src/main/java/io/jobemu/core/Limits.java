package io.jobemu.core;

/**
 * The bounds that keep one emulator's memory and disk finite, each refused with its API's own error when reached.
 * Request body limits default to the real servers' own; the store bounds have no real counterpart (a real server
 * fills its disk), so they are generous. Every namespace gets the same limits.
 *
 * @param flinkMaxContentLength Flink's {@code rest.server.max-content-length}: largest non-multipart request body
 * @param flinkJarStoreBytes all stored Flink jars together (Streamkap's jar deploys count too)
 * @param flinkMaxJars stored Flink jars at once
 * @param jobserverMaxContentLength spark-jobserver's {@code akka.http.server.parsing.max-content-length}
 * @param jobserverMaxBinaries stored spark-jobserver binary uploads at once (every upload is a version)
 * @param streamkapMaxContentLength largest Streamkap request body
 * @param maxNamespaces namespaces that can exist at once
 */
public record Limits(long flinkMaxContentLength, long flinkJarStoreBytes, int flinkMaxJars,
                     long jobserverMaxContentLength, int jobserverMaxBinaries, long streamkapMaxContentLength,
                     int maxNamespaces) {

    private static final long MIB = 1024 * 1024;

    public static final Limits DEFAULT = new Limits(100 * MIB, 1024 * MIB, 10_000, 30 * MIB, 10_000, 100 * MIB, 256);

    public Limits {
        positive("flinkMaxContentLength", flinkMaxContentLength);
        positive("flinkJarStoreBytes", flinkJarStoreBytes);
        positive("flinkMaxJars", flinkMaxJars);
        positive("jobserverMaxContentLength", jobserverMaxContentLength);
        positive("jobserverMaxBinaries", jobserverMaxBinaries);
        positive("streamkapMaxContentLength", streamkapMaxContentLength);
        positive("maxNamespaces", maxNamespaces);
    }

    /** Starts from these limits; set only what differs. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    private static void positive(String name, long value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, got " + value);
        }
    }

    /** Changes some limits and keeps the rest. */
    public static final class Builder {

        private long flinkMaxContentLength;
        private long flinkJarStoreBytes;
        private int flinkMaxJars;
        private long jobserverMaxContentLength;
        private int jobserverMaxBinaries;
        private long streamkapMaxContentLength;
        private int maxNamespaces;

        private Builder(Limits from) {
            flinkMaxContentLength = from.flinkMaxContentLength;
            flinkJarStoreBytes = from.flinkJarStoreBytes;
            flinkMaxJars = from.flinkMaxJars;
            jobserverMaxContentLength = from.jobserverMaxContentLength;
            jobserverMaxBinaries = from.jobserverMaxBinaries;
            streamkapMaxContentLength = from.streamkapMaxContentLength;
            maxNamespaces = from.maxNamespaces;
        }

        public Builder flinkMaxContentLength(long bytes) {
            flinkMaxContentLength = bytes;
            return this;
        }

        public Builder flinkJarStoreBytes(long bytes) {
            flinkJarStoreBytes = bytes;
            return this;
        }

        public Builder flinkMaxJars(int jars) {
            flinkMaxJars = jars;
            return this;
        }

        public Builder jobserverMaxContentLength(long bytes) {
            jobserverMaxContentLength = bytes;
            return this;
        }

        public Builder jobserverMaxBinaries(int binaries) {
            jobserverMaxBinaries = binaries;
            return this;
        }

        public Builder streamkapMaxContentLength(long bytes) {
            streamkapMaxContentLength = bytes;
            return this;
        }

        public Builder maxNamespaces(int namespaces) {
            maxNamespaces = namespaces;
            return this;
        }

        /** @throws IllegalArgumentException for a limit under 1 */
        public Limits build() {
            return new Limits(flinkMaxContentLength, flinkJarStoreBytes, flinkMaxJars, jobserverMaxContentLength,
                    jobserverMaxBinaries, streamkapMaxContentLength, maxNamespaces);
        }
    }
}
