package io.jobemu.flink.jars;

import io.jobemu.core.clock.EmulatorClock;
import io.jobemu.core.http.StoreFullException;
import io.jobemu.core.ids.IdGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Uploaded jars (Flink's {@code web.upload.dir}): one file per jar, named {@code <uuid>_<name>} like Flink's. The
 * total size and the number of jars are bounded, since unlike the request body limit nothing else bounds what
 * clients upload. Thread-safe; jobs never read a jar after their submission, so deleting one does not affect its jobs.
 */
public final class JarStore {

    /** What ext4, APFS and NTFS take for one file name. */
    private static final int MAX_FILE_NAME_BYTES = 255;
    /** {@code <uuid>_} before the client's name. */
    private static final int ID_PREFIX_BYTES = 37;

    private static final Comparator<UploadedJar> NEWEST_FIRST =
            Comparator.comparingLong(UploadedJar::uploaded).thenComparingLong(UploadedJar::sequence).reversed();

    /** Moves or writes an upload's content to the given file. */
    @FunctionalInterface
    public interface UploadWriter {
        void writeTo(Path target) throws IOException;
    }

    private final Path directory;
    private final IdGenerator ids;
    private final EmulatorClock clock;
    private final long capacityBytes;
    private final int maxJars;
    private final Map<String, UploadedJar> jars = new LinkedHashMap<>();
    private long storedBytes;
    private long reservedBytes;
    /** Uploads being written: they count against {@link #maxJars} before they are stored. */
    private int reservedJars;
    private long uploads;

    public JarStore(Path directory, IdGenerator ids, EmulatorClock clock, long capacityBytes, int maxJars)
            throws IOException {
        if (capacityBytes < 0 || maxJars < 0) {
            throw new IllegalArgumentException("jar store bounds must not be negative, got " + capacityBytes
                    + " bytes and " + maxJars + " jars");
        }
        this.directory = Files.createDirectories(directory).toAbsolutePath().normalize();
        this.ids = ids;
        this.clock = clock;
        this.capacityBytes = capacityBytes;
        this.maxJars = maxJars;
    }

    /** The absolute upload directory, as Flink names it in its messages. */
    public Path directory() {
        return directory;
    }

    /** Where the jar with this id is or would be stored. */
    public Path pathOf(String jarId) {
        return directory.resolve(jarId);
    }

    /**
     * Fails fast, before an upload is read, when it cannot fit.
     *
     * @throws StoreFullException when the store already holds its limit of jars, or {@code bytes} exceed the room
     *     left
     */
    public synchronized void checkRoomFor(long bytes) {
        if (jars.size() + reservedJars >= maxJars) {
            throw new StoreFullException("The jar store is full: it holds its limit of " + maxJars + " jars. Delete "
                    + "jars with DELETE /jars/{jarid}, or start the emulator with a higher --flink-max-jars.");
        }
        if (bytes > roomLeft()) {
            throw tooLarge();
        }
    }

    /** Bytes an upload may still take (uploads being written count as taken). */
    public synchronized long roomLeft() {
        return capacityBytes - storedBytes - reservedBytes;
    }

    /** The refusal of an upload that does not fit in the room left. */
    public synchronized StoreFullException tooLarge() {
        return new StoreFullException("The jar store cannot take the upload: it has " + roomLeft() + " of its "
                + capacityBytes + " bytes left and the upload is larger. Delete jars with DELETE /jars/{jarid}, or"
                + " start the emulator with a higher --flink-jar-store-bytes.");
    }

    /**
     * Stores an upload under a new jar id. Only the last segment of {@code clientFileName} is kept, so a name such
     * as {@code ../../x.jar} cannot leave the store.
     *
     * @throws StoreFullException when the store already holds its limit of jars, or {@code size} bytes do not fit
     * @throws IllegalArgumentException for a file name no file system stores
     */
    public UploadedJar store(String clientFileName, long size, UploadWriter content) throws IOException {
        String name = baseName(clientFileName);
        checkFileName(name);
        Path target = pathOf(ids.uuid() + "_" + name);
        reserve(size);
        try {
            content.writeTo(target);
        } catch (IOException | RuntimeException e) {
            unreserve(size);
            Files.deleteIfExists(target);
            throw e;
        }
        List<String> entries = JarProgram.listedEntries(target);
        synchronized (this) {
            unreserve(size);
            storedBytes += size;
            UploadedJar jar = new UploadedJar(target.getFileName().toString(), name, target, clock.millis(),
                    ++uploads, size, entries);
            jars.put(jar.id(), jar);
            return jar;
        }
    }

    public synchronized Optional<UploadedJar> find(String jarId) {
        return Optional.ofNullable(jars.get(jarId));
    }

    /**
     * The jars {@code GET /jars} lists, newest first. Like Flink, it skips a jar whose name is shorter than
     * {@code x.jar}.
     */
    public synchronized List<UploadedJar> all() {
        List<UploadedJar> listed = new ArrayList<>();
        for (UploadedJar jar : jars.values()) {
            if (jar.name().length() >= "x.jar".length()) {
                listed.add(jar);
            }
        }
        listed.sort(NEWEST_FIRST);
        return listed;
    }

    /**
     * The check Flink's jar run makes before it calls the main method, for in-process callers: the failure to start
     * {@code entryClass} from the jar as "class: message" lines, outermost first, or an empty list when it can start.
     */
    public List<String> entryClassFailure(String jarId, String entryClass) {
        try {
            UploadedJar jar = find(jarId).orElseThrow(() -> JarProgram.missing(pathOf(jarId)));
            JarProgram.entryClass(jar.path(), entryClass);
            return List.of();
        } catch (JarProgram.ProgramException e) {
            return e.chain();
        }
    }

    /** Deletes a jar; false when there is none with this id. */
    public boolean delete(String jarId) throws IOException {
        UploadedJar jar;
        synchronized (this) {
            jar = jars.remove(jarId);
            if (jar == null) {
                return false;
            }
            storedBytes -= jar.size();
        }
        Files.deleteIfExists(jar.path());
        return true;
    }

    /** Forgets every jar and deletes every file in the upload directory. */
    public void reset() {
        synchronized (this) {
            jars.clear();
            storedBytes = 0;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path file : files) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot empty the jar upload directory " + directory, e);
        }
    }

    private synchronized void reserve(long bytes) {
        checkRoomFor(bytes);
        reservedBytes += bytes;
        reservedJars++;
    }

    private synchronized void unreserve(long bytes) {
        reservedBytes -= bytes;
        reservedJars--;
    }

    /**
     * Refuses a name no file system stores: one with a NUL, or too long once the jar id's prefix is added.
     *
     * @throws IllegalArgumentException saying which
     */
    static void checkFileName(String name) {
        if (name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("The jar file name must not contain a NUL character.");
        }
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_FILE_NAME_BYTES - ID_PREFIX_BYTES) {
            throw new IllegalArgumentException("The jar file name is " + bytes + " bytes long; it may have at most "
                    + (MAX_FILE_NAME_BYTES - ID_PREFIX_BYTES) + " (the stored file's name adds a " + ID_PREFIX_BYTES
                    + "-byte id to it).");
        }
    }

    /** The file name without any directory part, whichever separator the client used. */
    public static String baseName(String clientFileName) {
        return clientFileName.substring(Math.max(clientFileName.lastIndexOf('/'), clientFileName.lastIndexOf('\\'))
                + 1);
    }
}
