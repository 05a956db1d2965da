package io.jobemu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What the emulator artifact puts on a user's classpath: a JUnit-only user gets no Testcontainers, no Docker client
 * and no SLF4J binding. The build writes the artifact's transitive compile and runtime classpath, less its one
 * optional runtime dependency, to {@code target/library-classpath.txt}; this test checks it and that every
 * dependency left out of it is one Maven never passes on.
 */
class DependenciesTest {

    private static final Path BASEDIR = Path.of(System.getProperty("basedir", "."));
    /** Needed only by a part of the library the user opts into, or by the runnable jar: never passed on. */
    private static final List<String> OPTIONAL = List.of("testcontainers", "junit-jupiter-api", "assertj-core",
            "slf4j-simple");

    @Test
    void aUsersClasspathGetsTheLoggingApiButNoBindingNoTestcontainersAndNoDockerClient() throws IOException {
        List<String> jars = Arrays.stream(Files.readString(BASEDIR.resolve("target/library-classpath.txt")).trim()
                .split(java.io.File.pathSeparator)).map(jar -> Path.of(jar).getFileName().toString()).toList();

        assertThat(jars).anyMatch(jar -> jar.startsWith("slf4j-api-"))
                .anyMatch(jar -> jar.startsWith("undertow-core-"));
        assertThat(jars).noneMatch(jar -> jar.matches("(slf4j-(simple|nop|jdk14|reload4j|log4j12)|logback-classic"
                + "|log4j-slf4j2?-impl|testcontainers|docker-java.*|junit-.*|assertj-core)-\\d.*"));
    }

    @Test
    void whatTheClasspathLeavesOutIsOptional() throws Exception {
        NodeList dependencies = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(BASEDIR.resolve("pom.xml").toFile()).getElementsByTagName("dependency");
        Map<String, String> optionalByArtifact = new HashMap<>();
        for (int i = 0; i < dependencies.getLength(); i++) {
            Element dependency = (Element) dependencies.item(i);
            if (!"test".equals(text(dependency, "scope"))) {
                optionalByArtifact.put(text(dependency, "artifactId"), text(dependency, "optional"));
            }
        }
        for (String artifact : OPTIONAL) {
            assertThat(optionalByArtifact).as(artifact).containsEntry(artifact, "true");
        }
        assertThat(optionalByArtifact).containsEntry("slf4j-api", null);
    }

    private static String text(Element parent, String child) {
        NodeList nodes = parent.getElementsByTagName(child);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().trim();
    }
}
