package io.jobemu.flink.jars;

import java.nio.file.Path;
import java.util.List;

/**
 * A jar in the store, as {@code GET /jars} lists it.
 *
 * @param id       {@code <uuid>_<name>}, the jar id of every other jar endpoint
 * @param name     the client's file name, without any directory part
 * @param path     where the file is stored
 * @param uploaded upload time on the emulator clock
 * @param sequence upload order, so uploads within the same millisecond still list newest first
 * @param size     bytes the file takes in the store
 * @param entries  the manifest's entry classes that the jar really holds
 */
public record UploadedJar(String id, String name, Path path, long uploaded, long sequence, long size,
                          List<String> entries) {

    public UploadedJar {
        entries = List.copyOf(entries);
    }
}
