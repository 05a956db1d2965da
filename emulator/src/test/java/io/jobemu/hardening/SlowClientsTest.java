package io.jobemu.hardening;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.jobemu.testing.EmulatorTest;
import io.jobemu.testing.TestJars;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Clients that send their bodies slowly, or wait for a synchronous job, hold no thread: with more of them than the
 * worker pool has threads, every other request on every port is still served, and each waiting client gets its
 * answer once what it waits for comes.
 */
class SlowClientsTest extends EmulatorTest {

    /** More than the shared worker pool's 48 threads, on each API. */
    private static final int STALLED_PER_API = 60;
    private static final int SYNC_JOBS = 60;
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();

    @Test
    void stalledUploadsAndWaitingSyncJobsLeaveEveryPortServing() throws Exception {
        String jarId = uploadJar("com.example.Job");
        assertThat(jobserver.send("POST", "/binaries/demo", TestJars.withMainClass("example.Job"),
                "application/java-archive").status()).isEqualTo(201);
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < STALLED_PER_API; i++) {
                stalled.add(stall(flink.baseUrl(), "POST /jars/upload", "multipart/form-data; boundary=b",
                        "--b\r\nContent-Disposition: form-data; name=\"jarfile\"; filename=\"slow.jar\"\r\n\r\nPK"));
                stalled.add(stall(jobserver.baseUrl(), "POST /binaries/slow", "application/java-archive", "PK"));
                stalled.add(stall(streamkap.baseUrl(), "POST /flink_jobs/jar", "multipart/form-data; boundary=b",
                        "--b\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nslow"));
            }
            List<CompletableFuture<HttpResponse<String>>> syncJobs = new ArrayList<>();
            for (int i = 0; i < SYNC_JOBS; i++) {
                syncJobs.add(CLIENT.sendAsync(HttpRequest.newBuilder(URI.create(jobserver.baseUrl()
                                + "/jobs?cp=demo&mainClass=spark.jobserver.LongPiJob&sync=true&timeout=600"))
                        .timeout(Duration.ofSeconds(120))
                        .POST(HttpRequest.BodyPublishers.ofString("stress.test.longpijob.duration = 5")).build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            awaitJobs(SYNC_JOBS);

            assertThat(send("GET", flink.baseUrl() + "/jobs/overview", "").statusCode()).isEqualTo(200);
            HttpResponse<String> run = send("POST", flink.baseUrl() + "/jars/" + jarId + "/run",
                    "{\"entryClass\":\"com.example.Job\"}");
            assertThat(run.statusCode()).as(run.body()).isEqualTo(200);
            assertThat(send("GET", jobserver.baseUrl() + "/binaries", "").statusCode()).isEqualTo(200);
            assertThat(send("GET", streamkap.baseUrl() + "/flink_jobs", "").statusCode()).isEqualTo(401);
            for (String baseUrl : List.of(flink.baseUrl(), jobserver.baseUrl(), streamkap.baseUrl())) {
                assertThat(send("GET", baseUrl + "/_emulator/health", "").statusCode()).isEqualTo(200);
            }
            assertThat(syncJobs).noneMatch(CompletableFuture::isDone);

            advance(Duration.ofSeconds(5));

            for (CompletableFuture<HttpResponse<String>> job : syncJobs) {
                HttpResponse<String> answer = job.get();
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
                assertThat(answer.body()).contains("\"result\"");
            }
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
        assertThat(flink.get("/jars").json().path("files")).hasSize(1);
    }

    /** Opens a connection that sends its headers and the start of its body, then nothing more. */
    private static Socket stall(String baseUrl, String requestLine, String contentType, String start)
            throws IOException {
        URI uri = URI.create(baseUrl);
        Socket socket = new Socket(uri.getHost(), uri.getPort());
        socket.getOutputStream().write((requestLine + " HTTP/1.1\r\nHost: " + uri.getAuthority()
                + "\r\nContent-Type: " + contentType + "\r\nContent-Length: 1000000\r\n\r\n" + start)
                .getBytes(ISO_8859_1));
        socket.getOutputStream().flush();
        return socket;
    }

    private void awaitJobs(int count) throws InterruptedException {
        for (int polls = 0; emulator.jobserver().server().supervisor().jobs().size() < count; polls++) {
            assertThat(polls).as("sync jobs started").isLessThan(1200);
            Thread.sleep(50);
        }
    }

    private static HttpResponse<String> send(String method, String url, String body) {
        try {
            return CLIENT.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                    .header("Content-Type", "application/json")
                    .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body, UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(url + " was not served", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
