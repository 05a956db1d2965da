package io.jobemu.contract.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobemu.Emulator;
import io.jobemu.contract.support.Emulators;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shell session of the root README runs as written: each ```bash block that talks to the emulator is run with
 * bash ({@code set -euo pipefail}) against a fresh emulator, twice in a row (ids come from earlier answers, names
 * must not collide with the first run's). Every curl in it must get a 2xx, or the status its output comment starts
 * with ({@code # 404 {"status":"ERROR",...}}). Only the ports (free ones instead of 8081, 8090, 8080) and
 * {@code /tmp/demo} (a temp directory: other builds on the machine use the real one) are changed.
 *
 * <p>Only ```bash blocks are sessions. Blocks fenced otherwise (```console for a {@code flink run} that needs Flink's
 * own CLI, plain ``` for output) are examples, not run; the ```bash blocks that cannot run here are listed in
 * {@link #NOT_RUN} with the reason, and that list must match the README exactly.
 */
class ReadmeSessionsTest {

    private static final Path README = Path.of("..", "README.md");
    private static final Pattern BASH_BLOCK = Pattern.compile("(?ms)^```bash\\n(.*?)^```$");
    private static final Pattern CURL = Pattern.compile("(?:^|[\\s($;|&])curl\\s");
    private static final Pattern STATUS_COMMENT = Pattern.compile("^(\\d{3})\\b");

    /** The first line of each ```bash block that is not run, and why. */
    static final Map<String, String> NOT_RUN = Map.of(
            "mvn -q -DskipTests package && java -jar emulator/target/emulator.jar",
            "builds the project and serves on the default ports: this test runs inside that build",
            "mvn -DskipTests install", "installs into the local Maven repository: this test runs inside the build",
            "mvn -B -pl emulator -DskipTests package", "needs a Docker engine (CI has one)",
            "docker/build-local-image.sh", "needs a Docker engine (CI has one)",
            "java -jar contract-tests/target/contract-tests.jar",
            "needs the packaged jar (built after the tests) and a staging server; MainTest runs the same command "
                    + "line in process",
            "benchmarks/run.sh", "takes about 10 minutes; not part of the build",
            "java -XX:+UseSerialGC", "serves on the default ports until stopped",
            "java -XX:ArchiveClassesAtExit=emulator.jsa", "serves on the default ports until stopped");

    /** A runnable block, named by its first line. */
    record Session(String firstLine, String script) {
        @Override
        public String toString() {
            return firstLine;
        }
    }

    static List<String> bashBlocks() throws IOException {
        Matcher blocks = BASH_BLOCK.matcher(Files.readString(README));
        List<String> found = new ArrayList<>();
        while (blocks.find()) {
            found.add(blocks.group(1));
        }
        return found;
    }

    static Stream<Session> sessions() throws IOException {
        return bashBlocks().stream().filter(block -> NOT_RUN.keySet().stream().noneMatch(block::startsWith))
                .map(block -> new Session(block.lines().findFirst().orElse(""), block));
    }

    @Test
    void everyBashBlockIsRunOrSaysWhyNot() throws IOException {
        List<String> blocks = bashBlocks();
        for (String notRun : NOT_RUN.keySet()) {
            assertThat(blocks).as("README blocks starting with " + notRun).filteredOn(block -> block.startsWith(notRun))
                    .hasSize(1);
        }
        assertThat(sessions()).as("sessions that are run").hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(session -> assertThat(session.script()).contains("curl "));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sessions")
    void runsAsWrittenTwiceAgainstAFreshEmulator(Session session, @TempDir Path demo) throws Exception {
        List<Integer> expected = expectedStatuses(session.script());
        try (Emulator emulator = Emulators.realistic()) {
            String script = session.script().replace("/tmp/demo", demo.toString())
                    .replace("127.0.0.1:8081", hostAndPort(emulator.flinkUrl()))
                    .replace("127.0.0.1:8090", hostAndPort(emulator.jobserverUrl()))
                    .replace("127.0.0.1:8080", hostAndPort(emulator.streamkapUrl()));
            for (int run = 1; run <= 2; run++) {
                Ran ran = bash(script, demo);
                assertThat(ran.exit()).as("run %d exit status; stderr:%n%s", run, ran.stderr()).isZero();
                assertThat(ran.statuses()).as("run %d: HTTP statuses, in order; output:%n%s", run, ran.stdout())
                        .hasSameSizeAs(expected);
                for (int i = 0; i < expected.size(); i++) {
                    int status = ran.statuses().get(i);
                    if (expected.get(i) == 0) {
                        assertThat(status).as("run %d, curl %d (2xx expected); output:%n%s", run, i + 1, ran.stdout())
                                .isBetween(200, 299);
                    } else {
                        assertThat(status).as("run %d, curl %d", run, i + 1).isEqualTo(expected.get(i));
                    }
                }
            }
        }
    }

    @Test
    void aStatusCommentIsTheCurlsExpectedStatus() {
        String block = """
                X=$(curl -s http://a | sed 's/x/y/')   # 202 {"status":"STARTED"}
                curl -s -X POST http://a \\
                     -d 'x'
                # 404 {"status":"ERROR"}
                sleep 1; curl -s http://a   # {"ok":true}

                # a comment after a blank line belongs to no command
                """;
        assertThat(expectedStatuses(block)).containsExactly(202, 404, 0);
    }

    /**
     * For each curl in order: the status its output comment starts with, or 0 for "any 2xx". A command's output
     * comment is its trailing comment, or the comment lines right after it.
     */
    static List<Integer> expectedStatuses(String block) {
        List<Integer> statuses = new ArrayList<>();
        List<String> lines = block.lines().toList();
        StringBuilder command = new StringBuilder();
        Integer pending = null;
        boolean commentsAttach = false;
        for (int i = 0; i <= lines.size(); i++) {
            String line = i < lines.size() ? lines.get(i) : "";
            String trimmed = line.strip();
            if (trimmed.startsWith("#")) {
                if (commentsAttach && pending != null && pending == 0) {
                    pending = status(trimmed.substring(1).strip());
                }
                continue;
            }
            if (pending != null) {
                statuses.set(statuses.size() - 1, pending);
                pending = null;
            }
            commentsAttach = false;
            if (trimmed.isEmpty()) {
                continue;
            }
            int comment = line.indexOf(" # ");
            command.append(comment < 0 ? line : line.substring(0, comment)).append('\n');
            if (line.endsWith("\\")) {
                continue;
            }
            int curls = (int) CURL.matcher(command).results().count();
            for (int c = 0; c < curls; c++) {
                statuses.add(0);
            }
            if (curls > 0) {
                pending = comment < 0 ? 0 : status(line.substring(comment + 3).strip());
                commentsAttach = comment < 0;
            }
            command.setLength(0);
        }
        return statuses;
    }

    private static int status(String comment) {
        Matcher status = STATUS_COMMENT.matcher(comment);
        return status.find() ? Integer.parseInt(status.group(1)) : 0;
    }

    private static String hostAndPort(String url) {
        return url.replaceFirst("^http://", "");
    }

    private record Ran(int exit, String stdout, String stderr, List<Integer> statuses) {
    }

    /** Runs the block; a curl wrapper reports each status on stderr without touching what the block captures. */
    private static Ran bash(String block, Path directory) throws IOException, InterruptedException {
        String script = "set -euo pipefail\n"
                + "curl() { command curl -w '%{stderr}HTTP-STATUS %{http_code}\\n' \"$@\"; }\n" + block;
        Path file = directory.resolve("session.sh");
        Files.writeString(file, script, StandardCharsets.UTF_8);
        Path out = directory.resolve("session.out");
        Path err = directory.resolve("session.err");
        Process process = new ProcessBuilder("bash", file.toString()).directory(directory.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        process.getOutputStream().close();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the session did not end within 120 s: " + Files.readString(out));
        }
        String errors = Files.readString(err);
        List<Integer> statuses = errors.lines().filter(line -> line.startsWith("HTTP-STATUS "))
                .map(line -> Integer.parseInt(line.substring("HTTP-STATUS ".length()).strip())).toList();
        return new Ran(process.exitValue(), Files.readString(out), errors, statuses);
    }
}
