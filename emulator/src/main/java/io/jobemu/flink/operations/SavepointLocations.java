package io.jobemu.flink.operations;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Savepoints the emulated cluster has written and not yet disposed, so disposal can tell real from unknown. */
public final class SavepointLocations {

    private final Set<String> locations = ConcurrentHashMap.newKeySet();

    public void add(String location) {
        locations.add(location);
    }

    /** Forgets {@code location}; false when it was never written or is already disposed. */
    public boolean dispose(String location) {
        return locations.remove(location);
    }

    public void reset() {
        locations.clear();
    }
}
