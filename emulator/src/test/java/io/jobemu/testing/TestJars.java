package io.jobemu.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Builds small jar files in memory, with or without a Main-Class. */
public final class TestJars {

    private TestJars() {
    }

    /**
     * A jar whose manifest names {@code mainClass} (none when null) and which holds that class file and
     * {@code otherClasses}.
     */
    public static byte[] withMainClass(String mainClass, String... otherClasses) {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (mainClass != null) {
            manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            List<String> classes = new ArrayList<>(List.of(otherClasses));
            classes.add(0, mainClass == null ? "example.Job" : mainClass);
            for (String className : classes) {
                jar.putNextEntry(new JarEntry(className.replace('.', '/') + ".class"));
                jar.write(new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE});
                jar.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
