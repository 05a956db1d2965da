package io.jobemu.flink.jars;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Reads an uploaded jar the way Flink's PackagedProgram does: the entry class comes from the request, else from the
 * manifest's {@code program-class}, else its {@code Main-Class}, and must exist in the jar as a class file.
 */
final class JarProgram {

    static final String PROGRAM_INVOCATION_EXCEPTION =
            "org.apache.flink.client.program.ProgramInvocationException";
    private static final Attributes.Name PROGRAM_CLASS = new Attributes.Name("program-class");

    private JarProgram() {
    }

    /**
     * The exception Flink would throw while loading the program, as "class: message" lines from the outermost
     * exception to the root cause.
     */
    static final class ProgramException extends Exception {

        private final transient List<String> chain;

        ProgramException(String... chain) {
            super(chain[0], null, false, false);
            this.chain = List.of(chain);
        }

        List<String> chain() {
            return chain;
        }
    }

    /** The entry classes {@code GET /jars} shows: every manifest entry the jar holds; none for an unreadable jar. */
    static List<String> listedEntries(Path jarPath) {
        try (JarFile jar = new JarFile(jarPath.toFile())) {
            List<String> entries = new ArrayList<>();
            for (String candidate : manifestEntry(jar).map(e -> e.split(",")).orElse(new String[0])) {
                String entry = candidate.trim();
                if (!entry.isEmpty() && holdsClass(jar, entry)) {
                    entries.add(entry);
                }
            }
            return entries;
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The class a run or plan request starts: {@code requested} when given, else the manifest's. */
    static String entryClass(Path jarPath, String requested) throws ProgramException {
        try (JarFile jar = new JarFile(jarPath.toFile())) {
            String entryClass = requested != null ? requested : manifestEntryClass(jar, jarPath);
            if (!holdsClass(jar, entryClass)) {
                throw programFailure("The program's entry point class '" + entryClass
                        + "' was not found in the jar file.", "java.lang.ClassNotFoundException: " + entryClass);
            }
            return entryClass;
        } catch (NoSuchFileException e) {
            throw missing(jarPath);
        } catch (IOException e) {
            String message = "Error while opening jar file '" + jarPath + "'";
            throw programFailure(message, "java.io.IOException: " + message, e.toString());
        }
    }

    /** A jar id that names no stored jar. */
    static ProgramException missing(Path jarPath) {
        return new ProgramException(
                "org.apache.flink.runtime.rest.handler.RestHandlerException: Jar file " + jarPath + " does not exist");
    }

    private static String manifestEntryClass(JarFile jar, Path jarPath) throws IOException, ProgramException {
        if (jar.getManifest() == null) {
            throw programFailure("No manifest found in jar file '" + jarPath
                    + "'. The manifest is need to point to the program's main class.");
        }
        return manifestEntry(jar).orElseThrow(() -> programFailure(
                "Neither a 'Main-Class', nor a 'program-class' entry was found in the jar file."));
    }

    /** The raw {@code program-class} attribute, else {@code Main-Class}. */
    private static Optional<String> manifestEntry(JarFile jar) throws IOException {
        Manifest manifest = jar.getManifest();
        if (manifest == null) {
            return Optional.empty();
        }
        Attributes attributes = manifest.getMainAttributes();
        return Stream.of(attributes.getValue(PROGRAM_CLASS), attributes.getValue(Attributes.Name.MAIN_CLASS))
                .filter(value -> value != null && !value.isBlank()).map(String::trim).findFirst();
    }

    private static boolean holdsClass(JarFile jar, String className) {
        return jar.getEntry(className.replace('.', '/') + ".class") != null;
    }

    private static ProgramException programFailure(String message, String... causes) {
        return new ProgramException(Stream.concat(Stream.of(PROGRAM_INVOCATION_EXCEPTION + ": " + message),
                Stream.of(causes)).toArray(String[]::new));
    }
}
