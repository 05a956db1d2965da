package io.jobemu.jobserver.data;

import io.jobemu.jobserver.Timestamps;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Data files uploaded for jobs, known by the absolute name the real server would give them:
 * {@code <rootdir>/<prefix>-<upload time with ':' as '_'>.dat}. Only names are kept; nothing reads the bytes back.
 * Thread-safe.
 */
public final class DataStore {

    /** {@code spark.jobserver.datadao.rootdir}. */
    public static final String ROOT_DIR = "/tmp/spark-jobserver/upload";

    private final Set<String> files = new LinkedHashSet<>();

    /** Stores a file and returns its name; the same prefix in the same millisecond names the same file. */
    public synchronized String store(String prefix, long now) {
        String name = ROOT_DIR + "/" + prefix + "-" + Timestamps.serverZone(now).replace(':', '_') + ".dat";
        files.add(name);
        return name;
    }

    public synchronized List<String> names() {
        return new ArrayList<>(files);
    }

    public synchronized boolean contains(String name) {
        return files.contains(name);
    }

    /** Only a file this store knows can be deleted. */
    public synchronized boolean delete(String name) {
        return files.remove(name);
    }

    public synchronized void deleteAll() {
        files.clear();
    }
}
