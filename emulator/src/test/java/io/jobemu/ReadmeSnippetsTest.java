package io.jobemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Every {@code java} block in README.md is a whole source file, imports included, that compiles against the library
 * as a user's build has it (with JUnit, AssertJ and Testcontainers); a snippet that drifts from the API fails here.
 * The snippets that need no Docker also run, as the tests they show.
 */
class ReadmeSnippetsTest {

    private static final Path README = Path.of(System.getProperty("basedir", "."), "..", "README.md");
    private static final Pattern JAVA_BLOCK = Pattern.compile("(?m)^```java\\n(.*?)^```$", Pattern.DOTALL);
    private static final Pattern TOP_LEVEL_TYPE = Pattern.compile(
            "(?m)^(?:public |abstract |final )*(?:class|interface|@interface|record|enum) (\\w+)");

    private static final Pattern TEST_CLASS = Pattern.compile("(?m)^(?:public |final )*class (\\w+Test)\\b");

    record Snippet(int line, String source, String typeName) {
    }

    @Test
    void everyJavaSnippetCompilesAndTheSelfContainedOnesPass(@TempDir Path dir) throws Exception {
        List<Snippet> snippets = snippets();
        assertThat(snippets).as("java blocks in README.md").hasSizeGreaterThanOrEqualTo(4);

        List<String> runnable = new ArrayList<>();
        for (Snippet snippet : snippets) {
            Path sources = Files.createDirectories(dir.resolve("snippet-" + snippet.line()));
            Path file = sources.resolve(snippet.typeName() + ".java");
            Files.writeString(file, snippet.source());
            compile(snippet, file, dir.resolve("classes"));
            if (!snippet.source().contains("testcontainers")) {
                TEST_CLASS.matcher(snippet.source()).results().map(match -> match.group(1)).forEach(runnable::add);
            }
        }

        assertThat(runnable).as("the snippets run here").contains("FlinkClientTest", "OrdersJobTest");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.resolve("classes").toUri().toURL()},
                getClass().getClassLoader())) {
            for (String name : runnable) {
                TestExecutionSummary summary = run(loader.loadClass(name));
                assertThat(summary.getTotalFailureCount()).as(name + ": " + failures(summary)).isZero();
                assertThat(summary.getTestsSucceededCount()).as(name).isPositive();
            }
        }
    }

    private static List<Snippet> snippets() throws IOException {
        String readme = Files.readString(README);
        List<Snippet> snippets = new ArrayList<>();
        Matcher block = JAVA_BLOCK.matcher(readme);
        while (block.find()) {
            int line = (int) readme.substring(0, block.start()).lines().count() + 1;
            Matcher type = TOP_LEVEL_TYPE.matcher(block.group(1));
            assertThat(type.find()).as("the java block at README.md line " + line + " declares a type").isTrue();
            snippets.add(new Snippet(line, block.group(1), type.group(1)));
        }
        return snippets;
    }

    private static void compile(Snippet snippet, Path file, Path classes) throws IOException {
        Files.createDirectories(classes);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            boolean compiled = javac.getTask(null, files, diagnostics, List.of("-classpath",
                    System.getProperty("java.class.path"), "-d", classes.toString(), "-proc:none"), null,
                    files.getJavaFileObjects(file)).call();
            StringBuilder errors = new StringBuilder();
            for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
                errors.append("\n  snippet line ").append(diagnostic.getLineNumber()).append(": ")
                        .append(diagnostic.getMessage(Locale.ROOT));
            }
            assertThat(compiled).as("the java block at README.md line " + snippet.line() + " compiles" + errors)
                    .isTrue();
        }
    }

    private static TestExecutionSummary run(Class<?> testClass) {
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass))
                .build(), listener);
        return listener.getSummary();
    }

    private static String failures(TestExecutionSummary summary) {
        StringBuilder text = new StringBuilder();
        summary.getFailures().forEach(failure -> text.append(failure.getTestIdentifier().getDisplayName())
                .append(": ").append(failure.getException()).append("; "));
        return text.toString();
    }
}
