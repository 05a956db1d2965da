package io.jobemu.flink.jars;

import io.jobemu.core.clock.EmulatorClock;
import io.jobemu.core.ids.IdGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** STUB: uploaded jars. */
public final class JarStore {

    private final Path directory;
    private final IdGenerator ids;
    private final EmulatorClock clock;

    public JarStore(Path directory, IdGenerator ids, EmulatorClock clock) throws IOException {
        this.directory = Files.createDirectories(directory);
        this.ids = ids;
        this.clock = clock;
    }

    public void reset() {
    }
}
