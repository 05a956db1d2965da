package io.jobemu.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobemu.Emulator;
import io.jobemu.EmulatorConfig;
import io.jobemu.core.Namespaces;
import io.jobemu.flink.FlinkApi;
import io.jobemu.flink.TimingProfile;
import io.jobemu.flink.jars.JarStore;
import io.jobemu.jobserver.JobserverApi;
import io.jobemu.streamkap.StreamkapApi;
import io.jobemu.testing.TestHttp;
import java.io.IOException;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Random and malformed requests to every route of every API, each API in its own namespace of one emulator, in
 * parallel. Every answer must be one the real server gives (its error shape and status, a 500 only where it gives
 * one), no request may hang or kill the server, and a refused request must not change what is stored.
 *
 * <p>The seed is random and printed; replay a run with {@code -Dfuzz.seed=N}. {@code -Dfuzz.cases=N} sets about how
 * many requests each API gets (in rounds of one per route) and {@code -Dfuzz.seconds=N} bounds each API's run.
 */
class ApiFuzzTest {

    private static final long SEED = Long.getLong("fuzz.seed", new SecureRandom().nextLong());
    private static final int CASES = Integer.getInteger("fuzz.cases", 1000);
    private static final Duration BUDGET = Duration.ofSeconds(Integer.getInteger("fuzz.seconds", 20));
    /** Requests that are not HTTP or bend it: bad versions, framing, header syntax; huge lines; a TLS hello. */
    private static final List<String> BROKEN_HTTP = List.of(
            "GET /jobs HTTP/9.9\r\nHost: x\r\n\r\n",
            "GET /jobs\r\n\r\n",
            "GET  /jobs HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET /jobs HTTP/1.1\r\nHost x\r\n\r\n",
            "GET /jobs HTTP/1.1\r\nHost: x\r\nX-A: a\u0000b\r\n\r\n",
            "GET /jobs HTTP/1.1\r\nHost: x\r\nX-A: a\r\n folded\r\n\r\n",
            "GET /jobs HTTP/1.1\r\n\r\n",
            "POST /jobs HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n",
            "POST /jobs HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n",
            "POST /jobs HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab",
            "POST /jobs HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999\r\n\r\n{",
            "POST /jobs HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n",
            "POST /jobs HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nffffffffffffffffffff\r\n",
            "POST /jobs HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
            "POST /jobs HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n",
            "POST /jobs HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 10\r\n\r\n",
            "GET /" + "a".repeat(100_000) + " HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET /jobs HTTP/1.1\r\nHost: x\r\n" + "X-H: v\r\n".repeat(300) + "\r\n",
            "\r\n\r\n",
            "\u0016\u0003\u0001\u0000\u00a5\u0001\u0000\u0000\u00a1\u0003\u0003",
            "GET /jobs HTTP/1.1\r\nHost: x\r\nX-Emulator-Namespace: ../../etc\r\n\r\n",
            "GET /_ns/%2e%2e/jobs HTTP/1.1\r\nHost: x\r\n\r\n");

    private Emulator emulator;

    @BeforeEach
    void start() throws BindException {
        System.out.println("[fuzz] seed " + SEED + " (replay with -Dfuzz.seed=" + SEED + ")");
        emulator = Emulator.start(EmulatorConfig.forTests().withTiming(TimingProfile.REALISTIC).withSeed(SEED));
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void everyRouteAnswersMalformedInputAsTheRealServerDoes() throws Exception {
        Map<String, FuzzTarget> targets = new LinkedHashMap<>();
        targets.put("fuzz-flink", new FlinkFuzzTarget(emulator.namespace("fuzz-flink").api(FlinkApi.class),
                emulator.flinkUrl()));
        targets.put("fuzz-jobserver", new JobserverFuzzTarget(emulator.namespace("fuzz-jobserver")
                .api(JobserverApi.class), emulator.jobserverUrl()));
        targets.put("fuzz-streamkap", new StreamkapFuzzTarget(emulator.namespace("fuzz-streamkap")
                .api(StreamkapApi.class), emulator.streamkapUrl()));
        targets.put("fuzz-control", new ControlFuzzTarget(emulator.namespace("fuzz-control"), emulator.flinkUrl()));
        List<FuzzRunner.Result> results = runInParallel(targets);

        List<String> violations = new ArrayList<>();
        for (FuzzRunner.Result result : results) {
            System.out.printf("[fuzz] %-10s %5d cases, %3d rounds, %3d operations, %d violations%n", result.target(),
                    result.cases(), result.rounds(), result.operationsCovered().size(), result.violations().size());
            result.violations().forEach(v -> violations.add(result.target() + " " + v));
        }
        assertThat(violations).as("fuzz violations (seed %d, replay with -Dfuzz.seed=%d)", SEED, SEED).isEmpty();
        assertServerStaysUp();
        assertNoStrayFiles(targets.keySet());
    }

    /**
     * Uploads, broken ones and those with hostile names included, leave no file anywhere in the emulator's
     * directory but the jars each namespace's store lists.
     */
    private void assertNoStrayFiles(Set<String> namespaces) throws IOException {
        Path root = emulator.namespace(Namespaces.DEFAULT).context().workDir().getParent();
        try (Stream<Path> files = Files.walk(root)) {
            assertThat(files.filter(Files::isRegularFile).toList()).allSatisfy(file -> {
                String namespace = root.relativize(file).getName(0).toString().substring("ns-".length());
                assertThat(namespaces).as("the namespace of %s", file).contains(namespace);
                JarStore jars = emulator.namespace(namespace).api(FlinkApi.class).cluster().jars();
                assertThat(file.getParent()).as("where %s is", file).isEqualTo(jars.directory());
                assertThat(jars.find(file.getFileName().toString())).as("the jar stored as %s", file).isPresent();
            });
        }
        for (String namespace : namespaces) {
            assertThat(emulator.namespace(namespace).api(FlinkApi.class).cluster().jars().all())
                    .allSatisfy(jar -> assertThat(jar.path()).exists());
        }
    }

    /**
     * Requests that are not HTTP, or bend it: the HTTP layer may refuse them (a 4xx, or closing the connection),
     * but none may get a 500, hang, or take the server down.
     */
    @Test
    void brokenHttpIsRefusedWithoutA500AndTheServerStaysUp() {
        for (String url : List.of(emulator.flinkUrl(), emulator.jobserverUrl(), emulator.streamkapUrl())) {
            RawHttp raw = new RawHttp(url, 10_000);
            for (String request : BROKEN_HTTP) {
                RawHttp.Response response = raw.sendRaw(request.getBytes(StandardCharsets.ISO_8859_1));
                assertThat(response.failure() == null || response.failure().startsWith("closed"))
                        .as("%s %s: %s", url, RawHttp.abbreviate(request, 80), response).isTrue();
                assertThat(response.status()).as("%s %s", url, RawHttp.abbreviate(request, 80)).isNotEqualTo(500)
                        .isLessThan(600);
            }
        }
        assertServerStaysUp();
    }

    /** Each target in its namespace and thread; seeds differ per target but follow from the one seed. */
    private List<FuzzRunner.Result> runInParallel(Map<String, FuzzTarget> targets) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(targets.size());
        try {
            List<Future<FuzzRunner.Result>> futures = new ArrayList<>();
            long seed = SEED;
            for (Map.Entry<String, FuzzTarget> target : targets.entrySet()) {
                int rounds = Math.max(1, CASES / target.getValue().routes().size());
                long targetSeed = seed++;
                futures.add(pool.submit(() -> FuzzRunner.run(target.getValue(), target.getKey(), targetSeed, rounds,
                        BUDGET)));
            }
            List<FuzzRunner.Result> results = new ArrayList<>();
            for (Future<FuzzRunner.Result> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private void assertServerStaysUp() {
        for (String url : Set.of(emulator.flinkUrl(), emulator.jobserverUrl(), emulator.streamkapUrl())) {
            assertThat(new TestHttp(url).get("/_emulator/health").status()).isEqualTo(200);
        }
    }
}
