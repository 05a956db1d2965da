package io.jobemu.flink.operations;

import io.jobemu.core.ids.IdGenerator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Savepoints the emulated cluster has written and not yet disposed, so disposal can tell real from unknown. */
public final class SavepointLocations {

    private final Set<String> locations = ConcurrentHashMap.newKeySet();

    /**
     * A new savepoint's location under {@code directory} (already normalised), named as Flink names it: the first 6
     * hex digits of the job id and 12 random ones.
     */
    public static String newLocation(String directory, String jobId, IdGenerator ids) {
        return directory + "/savepoint-" + jobId.substring(0, 6) + "-" + ids.hex(12);
    }

    public void add(String location) {
        locations.add(location);
    }

    /**
     * Whether a job can restore from {@code path}: a savepoint written here and not disposed, named by its
     * directory or by its {@code _metadata} file, in any spelling of its {@code file:} URI.
     */
    public boolean exists(String path) {
        String location = SavepointPaths.normalise(path);
        if (location.endsWith("/_metadata")) {
            location = location.substring(0, location.length() - "/_metadata".length());
        }
        return locations.contains(location);
    }

    /** Forgets {@code location}; false when it was never written or is already disposed. */
    public boolean dispose(String location) {
        return locations.remove(location);
    }

    public void reset() {
        locations.clear();
    }
}
