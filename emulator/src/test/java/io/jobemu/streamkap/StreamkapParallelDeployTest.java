package io.jobemu.streamkap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobemu.testing.HttpResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/** Deploys sent at the same moment: each gets its own job, jar and Flink job; a name is taken once. */
class StreamkapParallelDeployTest extends StreamkapTest {

    private static final int DEPLOYS = 16;

    @Test
    void parallelDeploysEachRunTheirOwnFlinkJob() throws Exception {
        List<HttpResult> results = concurrently(i -> jarForm("job-" + i, MAIN_CLASS).field("parallelism",
                String.valueOf(1 + i % 3)));

        Set<String> ids = new HashSet<>();
        for (HttpResult result : results) {
            assertThat(result.status()).as(result.body()).isEqualTo(200);
            ids.add(result.json().path("_id").asText());
        }
        assertThat(ids).hasSize(DEPLOYS);
        assertThat(flink.get("/jars").json().path("files").size()).isEqualTo(DEPLOYS);

        advance(UNTIL_RUNNING);

        Set<String> flinkJobIds = new HashSet<>();
        for (String id : ids) {
            JsonNode status = api.get("/flink_jobs/" + id + "/status", token).json();
            assertThat(status.path("status").asText()).isEqualTo("RUNNING");
            flinkJobIds.add(status.path("flink_job_id").asText());
        }
        assertThat(flinkJobIds).hasSize(DEPLOYS);
        JsonNode overview = flink.get("/jobs/overview").json().path("jobs");
        assertThat(overview.size()).isEqualTo(DEPLOYS);
        overview.forEach(job -> assertThat(flinkJobIds).contains(job.path("jid").asText()));
        assertThat(api.get("/flink_jobs?page_size=100", token).json().path("total").asInt()).isEqualTo(DEPLOYS);
    }

    @Test
    void parallelDeploysOfOneNameCreateOneJob() throws Exception {
        List<HttpResult> results = concurrently(i -> jarForm("orders", MAIN_CLASS));

        assertThat(results).filteredOn(r -> r.status() == 200).hasSize(1);
        assertThat(results).filteredOn(r -> r.status() == 409).hasSize(DEPLOYS - 1);
        // the refused deploys leave no jar behind
        assertThat(flink.get("/jars").json().path("files").size()).isEqualTo(1);
        advance(UNTIL_RUNNING);
        assertThat(flink.get("/jobs/overview").json().path("jobs").size()).isEqualTo(1);
    }

    private List<HttpResult> concurrently(IntFunction<Multipart> form) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(DEPLOYS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpResult>> futures = new ArrayList<>();
            for (int i = 0; i < DEPLOYS; i++) {
                Multipart body = form.apply(i);
                Callable<HttpResult> deploy = () -> {
                    start.await();
                    return deployJar(body);
                };
                futures.add(pool.submit(deploy));
            }
            start.countDown();
            List<HttpResult> results = new ArrayList<>();
            for (Future<HttpResult> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
