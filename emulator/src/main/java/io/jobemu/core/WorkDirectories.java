package io.jobemu.core;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Each emulator's work directory (uploads, jars) is {@code jobemu-<pid>-<random>} under the temp root, named after
 * the process that owns it. A process killed outright (kill -9, a crashed CI runner) cannot delete its own, so each
 * new one removes those whose process is no longer alive; directories of live processes are never touched.
 */
public final class WorkDirectories {

    private static final String PREFIX = "jobemu-";

    private WorkDirectories() {
    }

    /** Removes the stale directories under {@code root}, then creates this process's new one. */
    public static Path create(Path root) throws IOException {
        removeStale(root);
        return Files.createTempDirectory(root, PREFIX + ProcessHandle.current().pid() + "-");
    }

    /** Removes every {@code jobemu-<pid>-*} directory under {@code root} whose process has ended. */
    public static void removeStale(Path root) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root, PREFIX + "*-*")) {
            for (Path entry : entries) {
                Optional<Long> owner = owner(entry.getFileName().toString());
                if (owner.isPresent() && !isAlive(owner.get()) && Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                    deleteRecursively(entry);
                }
            }
        } catch (IOException | SecurityException e) {
            // best effort: a temp root that cannot be listed only means nothing is cleaned
        }
    }

    /** Deletes a directory and everything in it, without following links; what cannot be deleted stays. */
    public static void deleteRecursively(Path dir) {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // best effort: the next start removes what is left
        }
    }

    private static Optional<Long> owner(String name) {
        int end = name.indexOf('-', PREFIX.length());
        if (end <= PREFIX.length()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(name.substring(PREFIX.length(), end)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
