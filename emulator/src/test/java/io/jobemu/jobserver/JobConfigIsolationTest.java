package io.jobemu.jobserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.jobemu.testing.HttpResult;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Job and context configs never reach the host: no includes, no host environment, no network; and a request alone
 * never makes the emulator reach another machine (callbacks go to loopback unless a test allows more).
 */
class JobConfigIsolationTest extends JobserverTest {

    private static final String REFUSED = "include statements are not allowed in configs posted to the emulator (";

    private HttpServer configServer;
    private final AtomicInteger fetches = new AtomicInteger();

    @BeforeEach
    void serveAConfigOverHttp() throws IOException {
        configServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        configServer.createContext("/", exchange -> {
            fetches.incrementAndGet();
            byte[] body = "input.string = fetched".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        configServer.start();
        assertThat(uploadBinary("demo").status()).isEqualTo(201);
    }

    @AfterEach
    void stopConfigServer() {
        configServer.stop(0);
    }

    @Test
    void everyKindOfIncludeIsRefusedWithJobserversBadConfigAnswer(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("secret.conf"), "input.string = from-the-host-file");
        String url = "http://127.0.0.1:" + configServer.getAddress().getPort() + "/job.conf";
        for (String include : List.of("include file(\"" + file + "\")", "include url(\"" + url + "\")",
                "include classpath(\"reference.conf\")", "include \"" + file + "\"",
                "include required(file(\"" + file + "\"))", "a { include url(\"" + url + "\") }",
                "include required(classpath(\"application.conf\"))")) {
            HttpResult job = postJob("cp=demo&mainClass=" + WORD_COUNT, include);
            HttpResult context = jobserver.post("/contexts/c?num-cpu-cores=1", include);

            assertThat(job.status()).as(include).isEqualTo(400);
            assertThat(job.json().path("status").asText()).isEqualTo("ERROR");
            assertThat(job.json().path("result").asText()).startsWith("Cannot parse config: " + REFUSED);
            assertThat(job.body()).doesNotContain("from-the-host-file").doesNotContain("fetched");
            assertThat(context.status()).as(include).isEqualTo(400);
            assertThat(context.json().path("result").asText()).startsWith(REFUSED);
        }
        assertThat(fetches.get()).as("requests the emulator made").isZero();
        assertThat(jobserver.get("/jobs").json()).isEmpty();
        assertThat(jobserver.get("/contexts").json()).isEmpty();
    }

    @Test
    void substitutionsNeverSeeTheHostEnvironmentOrSystemProperties() {
        String hostVariable = System.getenv().containsKey("PATH") ? "PATH" : System.getenv().keySet().iterator().next();
        String hostValue = System.getenv(hostVariable);

        for (String config : List.of("input.string = ${" + hostVariable + "}", "input.string = ${java.home}",
                "input.string = ${user.dir}")) {
            HttpResult refused = postJob("cp=demo&mainClass=" + WORD_COUNT, config);

            assertThat(refused.status()).as(config).isEqualTo(400);
            assertThat(refused.json().path("result").asText()).startsWith("Cannot parse config: ")
                    .contains("Could not resolve substitution");
            assertThat(refused.body()).doesNotContain(hostValue).doesNotContain(System.getProperty("java.home"));
        }
        String id = startJob(WORD_COUNT, "", "input.string = \"seen\" ${?" + hostVariable + "}");
        advance(Duration.ofSeconds(1));
        assertThat(job(id).path("result").toString()).isEqualTo("{\"seen\":1}");
        assertThat(jobserver.get("/jobs/" + id + "/config").body()).doesNotContain(hostValue);
    }

    @Test
    void substitutionsSeeTheEmulatedEnvironmentATestSets() {
        updateSettings("{\"environment\": {\"INPUT\": \"emulated words emulated\", \"API_TOKEN\": \"t0ken\"}}");

        String id = startJob(WORD_COUNT, "", "input.string = ${INPUT}\nmaster = ${spark.master}");
        advance(Duration.ofSeconds(1));

        assertThat(job(id).path("result").toString()).isEqualTo("{\"emulated\":2,\"words\":1}");
        assertThat(jobserver.get("/jobs/" + id + "/config").body()).as("the config as posted")
                .contains("${INPUT}").doesNotContain("emulated words").doesNotContain("t0ken");
        assertThat(jobserver.get("/_emulator/jobserver/settings").json().path("environment").toString())
                .isEqualTo("{\"INPUT\":\"emulated words emulated\",\"API_TOKEN\":\"<redacted>\"}");
        HttpResult context = jobserver.post("/contexts/env-ctx", "spark.context-settings.num-cpu-cores = ${?CORES}");
        assertThat(context.status()).as(context.body()).isEqualTo(200);

        jobserver.post("/_emulator/reset", null);
        assertThat(jobserver.get("/_emulator/jobserver/settings").json().path("environment").toString())
                .isEqualTo("{}");
    }

    @Test
    void anEnvironmentVariableWithoutAStringValueIsABadSetting() {
        HttpResult refused = jobserver.put("/_emulator/jobserver/settings", "{\"environment\": {\"A\": null}}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("error").asText()).contains("environment variables need a string value");
    }

    @Test
    void callbacksGoOnlyToLoopbackUnlessATestAllowsAHost() {
        for (String url : List.of("http://10.0.0.1/hook", "http://metadata.google.internal/computeMetadata",
                "https://example.com:8443/x", "http://2130706433/hook", "http://127.1/hook")) {
            HttpResult refused = postJob("cp=demo&mainClass=" + WORD_COUNT + "&callbackUrl=" + url, "input.string = a");

            assertThat(refused.status()).as(url).isEqualTo(400);
            assertThat(refused.json().path("result").asText()).startsWith("the emulator posts callbacks only to "
                    + "loopback addresses and the hosts of its callbackHosts setting, and ");
        }
        assertThat(jobserver.get("/jobs").json()).isEmpty();
        for (String url : List.of("http://127.0.0.1:9/hook", "http://localhost:9/hook", "http://[::1]:9/hook")) {
            assertThat(postJob("cp=demo&mainClass=" + WORD_COUNT + "&callbackUrl=" + url, "input.string = a")
                    .status()).as(url).isEqualTo(202);
        }

        updateSettings("{\"callbackHosts\": [\"build-agent\"]}");
        assertThat(emulator.jobserver().server().settings().allowsCallbacksTo("BUILD-AGENT")).isTrue();
        assertThat(emulator.jobserver().server().settings().allowsCallbacksTo("10.0.0.1")).isFalse();
    }
}
