package io.jobemu.contract.flows.flink;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * The jar the Flink flow uploads, packed on the fly from class files that travel inside the checker. They were
 * compiled against Flink at build time (src/flink-job) but are never loaded here: the checker has no Flink on its
 * classpath and only copies their bytes, so the jar holds just the job and Flink on the server provides the rest.
 */
public final class ProbeJar {

    public static final String ENTRY_CLASS = "io.jobemu.contract.flinkjob.ProbeJob";
    public static final String FILE_NAME = "jobemu-contract-probe.jar";
    /** The job and its nested functions, as compiled. */
    static final List<String> CLASSES = List.of(ENTRY_CLASS, ENTRY_CLASS + "$Throttle", ENTRY_CLASS + "$Bucket",
            ENTRY_CLASS + "$Count");

    private ProbeJar() {
    }

    public static byte[] build() {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, ENTRY_CLASS);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            for (String className : CLASSES) {
                String entry = className.replace('.', '/') + ".class";
                jar.putNextEntry(new JarEntry(entry));
                jar.write(classFile(entry));
                jar.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] classFile(String entry) throws IOException {
        try (InputStream in = ProbeJar.class.getClassLoader().getResourceAsStream(entry)) {
            if (in == null) {
                throw new IOException("the checker was built without its probe job: no " + entry);
            }
            return in.readAllBytes();
        }
    }
}
