package io.jobemu.contract.flinkclient;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import org.apache.flink.client.cli.CliFrontend;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Flink 2.3.0's command line ({@code CliFrontend}, what {@code bin/flink} runs) against the emulator and a real
 * Flink 2.3.0, with the same commands and the same expectations of what it prints: {@code run} attached and
 * detached, {@code list}, {@code savepoint}, {@code stop} and {@code cancel}.
 */
@Tag("real-flink")
class FlinkCliTest {

    private static final Pattern SUBMITTED = Pattern.compile("Job has been submitted with JobID ([0-9a-f]{32})");
    private static FlinkTargets targets;
    private static Path jobJar;
    private static Path configDir;

    @TempDir
    static Path temp;

    @BeforeAll
    static void start() throws Exception {
        targets = FlinkTargets.start();
        jobJar = jobJar(temp.resolve("test-jobs.jar"));
        configDir = Files.createDirectories(temp.resolve("conf"));
        Files.writeString(configDir.resolve("config.yaml"), "");
    }

    @AfterAll
    static void stop() throws Exception {
        targets.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {FlinkTargets.EMULATOR, FlinkTargets.REAL_FLINK})
    void runWaitsForABoundedJobAndReportsItsResult(String target) {
        Cli run = flink("run", "-m", address(target), jobJar.toString(), "cli bounded");
        assertThat(run.exitCode()).as(run.output()).isZero();
        String jobId = run.submittedJobId();
        assertThat(run.output()).contains("Program execution finished", "Job with JobID " + jobId + " has finished.",
                "Job Runtime: ");
    }

    @ParameterizedTest
    @ValueSource(strings = {FlinkTargets.EMULATOR, FlinkTargets.REAL_FLINK})
    void aDetachedJobIsListedSavepointedStoppedAndAnotherCancelled(String target) throws Exception {
        Cli run = flink("run", "-d", "-m", address(target), jobJar.toString(), "cli endless", "unbounded");
        assertThat(run.exitCode()).as(run.output()).isZero();
        String jobId = run.submittedJobId();

        Cli list = awaitListed(target, jobId + " : cli endless (RUNNING)");
        assertThat(list.output()).contains("Running/Restarting Jobs");

        targets.awaitAllTasksRunning(target, jobId);
        String directory = temp.resolve("savepoints-" + target).toUri().toString();
        Cli savepoint = flink("savepoint", "-m", address(target), jobId, directory);
        assertThat(savepoint.exitCode()).as(savepoint.output()).isZero();
        assertThat(savepoint.output()).contains("Savepoint completed. Path: ", "savepoint-" + jobId.substring(0, 6));

        Cli stop = flink("stop", "-m", address(target), "-p", directory, jobId);
        assertThat(stop.exitCode()).as(stop.output()).isZero();
        assertThat(stop.output()).contains("Savepoint completed. Path: ");

        Cli second = flink("run", "-d", "-m", address(target), jobJar.toString(), "cli cancelled", "unbounded");
        String secondId = second.submittedJobId();
        awaitListed(target, secondId + " : cli cancelled (RUNNING)");
        Cli cancel = flink("cancel", "-m", address(target), secondId);
        assertThat(cancel.exitCode()).as(cancel.output()).isZero();
        assertThat(cancel.output()).contains("Cancelled job " + secondId + ".");
    }

    /** What one CLI command printed (stdout and stderr together) and returned. */
    record Cli(int exitCode, String output) {

        String submittedJobId() {
            Matcher matcher = SUBMITTED.matcher(output);
            assertThat(matcher.find()).as(output).isTrue();
            return matcher.group(1);
        }
    }

    /** Runs one command as {@code bin/flink} would; the CLI writes to the JVM's standard streams. */
    private static synchronized Cli flink(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream both = new PrintStream(captured, true, UTF_8);
        System.setOut(both);
        System.setErr(both);
        try {
            Configuration configuration = new Configuration();
            CliFrontend cli = new CliFrontend(configuration,
                    CliFrontend.loadCustomCommandLines(configuration, configDir.toString()));
            int exitCode = cli.parseAndRun(args);
            return new Cli(exitCode, captured.toString(UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    private static Cli awaitListed(String target, String line) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        Cli list = flink("list", "-m", address(target));
        while (!list.output().contains(line) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            list = flink("list", "-m", address(target));
        }
        assertThat(list.output()).contains(line);
        return list;
    }

    private static String address(String target) {
        URI uri = targets.address(target);
        return uri.getHost() + ":" + uri.getPort();
    }

    /** The test programs packed as a user would: their classes and a manifest naming the main class. */
    private static Path jobJar(Path jar) throws Exception {
        Path classes = Path.of(TestJobs.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        String packageDir = TestJobs.class.getPackageName().replace('.', '/');
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, TestJobs.class.getName());
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest);
             Stream<Path> programs = Files.list(classes.resolve(packageDir))) {
            for (Path program : programs.filter(p -> p.getFileName().toString().startsWith("TestJobs")).toList()) {
                out.putNextEntry(new ZipEntry(packageDir + "/" + program.getFileName()));
                out.write(Files.readAllBytes(program));
                out.closeEntry();
            }
        }
        return jar;
    }
}
