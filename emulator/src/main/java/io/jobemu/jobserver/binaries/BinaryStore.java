package io.jobemu.jobserver.binaries;

import io.jobemu.core.http.StoreFullException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Uploaded binaries. Every upload adds a version under its name; reads see the latest one, a delete removes all.
 * The bytes themselves are not kept: nothing in the API reads them back. The number of uploads kept is bounded.
 * Thread-safe.
 */
public final class BinaryStore {

    /** One upload. */
    public record StoredBinary(String name, BinaryType type, long uploadTime) {}

    private final int maxUploads;
    private final Map<String, List<StoredBinary>> versions = new LinkedHashMap<>();
    private int uploads;

    public BinaryStore(int maxUploads) {
        this.maxUploads = maxUploads;
    }

    /** {@code JarUtils.binaryIsZip}: longer than four bytes and starting with the ZIP local-header signature. */
    public static boolean isZip(byte[] bytes) {
        return bytes.length > 4 && bytes[0] == 0x50 && bytes[1] == 0x4b && bytes[2] == 0x03 && bytes[3] == 0x04;
    }

    /** @throws StoreFullException when the store already keeps its limit of uploads */
    public synchronized void add(String name, BinaryType type, long now) {
        if (uploads >= maxUploads) {
            throw new StoreFullException("The binary store is full: it keeps its limit of " + maxUploads
                    + " binary uploads. Delete binaries with DELETE /binaries/{appName}, or start the emulator with "
                    + "a higher --jobserver-max-binaries.");
        }
        versions.computeIfAbsent(name, n -> new ArrayList<>()).add(new StoredBinary(name, type, now));
        uploads++;
    }

    public synchronized Optional<StoredBinary> latest(String name) {
        List<StoredBinary> uploads = versions.get(name);
        return uploads == null ? Optional.empty() : Optional.of(uploads.get(uploads.size() - 1));
    }

    /** The latest version of every name, in the order the names were first uploaded. */
    public synchronized List<StoredBinary> latestOfEach() {
        return versions.values().stream().map(uploads -> uploads.get(uploads.size() - 1)).toList();
    }

    public synchronized boolean exists(String name) {
        return versions.containsKey(name);
    }

    /** Removes every version; false when there was none. */
    public synchronized boolean delete(String name) {
        List<StoredBinary> removed = versions.remove(name);
        if (removed == null) {
            return false;
        }
        uploads -= removed.size();
        return true;
    }

    public synchronized void reset() {
        versions.clear();
        uploads = 0;
    }
}
