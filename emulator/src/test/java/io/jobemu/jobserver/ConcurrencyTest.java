package io.jobemu.jobserver;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobemu.testing.HttpResult;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ConcurrencyTest extends JobserverTest {

    private static final int SUBMISSIONS = 40;

    @Test
    void parallelSubmissionsLoseNoJobAndGetUniqueIds() {
        uploadBinary("demo");

        List<HttpResult> results = inParallel(SUBMISSIONS, i -> postJob("cp=demo&mainClass=" + LONG_PI, ""));

        assertThat(results).allSatisfy(result -> assertThat(result.status()).isEqualTo(202));
        Set<String> ids = new HashSet<>(results.stream().map(r -> r.json().path("jobId").asText()).toList());
        Set<String> contexts = new HashSet<>(results.stream().map(r -> r.json().path("context").asText()).toList());
        assertThat(ids).hasSize(SUBMISSIONS);
        assertThat(contexts).as("one ad-hoc context each").hasSize(SUBMISSIONS);
        assertThat(new HashSet<>(jobserver.get("/jobs?limit=100").json().findValuesAsText("jobId"))).isEqualTo(ids);
        assertThat(jobserver.get("/contexts").json().size()).isEqualTo(SUBMISSIONS);
    }

    @Test
    void parallelSubmissionsIntoOneContextNeverExceedItsSlots() {
        uploadBinary("demo");
        createContext("shared", "");

        List<HttpResult> results = inParallel(12, i -> postJob("cp=demo&mainClass=" + LONG_PI + "&context=shared",
                ""));

        assertThat(results.stream().filter(r -> r.status() == 202)).hasSize(8);
        assertThat(results.stream().filter(r -> r.status() == 503)).hasSize(4);
        assertThat(jobserver.get("/jobs?status=RUNNING").json().size()).isEqualTo(8);
    }

    @Test
    void parallelUploadsOfOneNameKeepEveryVersionAndOneEntry() {
        List<HttpResult> results = inParallel(20, i -> uploadBinary(i % 2 == 0 ? "even" : "odd"));

        assertThat(results).allSatisfy(result -> assertThat(result.status()).isEqualTo(201));
        assertThat(keys(jobserver.get("/binaries").json())).containsExactlyInAnyOrder("even", "odd");
    }

    private static List<HttpResult> inParallel(int count, IntFunction<HttpResult> request) {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            List<CompletableFuture<HttpResult>> futures = IntStream.range(0, count)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> request.apply(i), pool)).toList();
            return futures.stream().map(CompletableFuture::join).toList();
        } finally {
            pool.shutdown();
        }
    }
}
