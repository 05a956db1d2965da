package io.jobemu.core.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobemu.Emulator;
import io.jobemu.EmulatorConfig;
import io.jobemu.testing.HttpResult;
import io.jobemu.testing.TestHttp;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the journal records of each request, within its byte bounds, and how the control API finds requests. */
class JournalRecordingTest {

    private static final String RUN_BODY = "{\"entryClass\":\"com.example.WordCount\",\"parallelism\":2,"
            + "\"programArgsList\":[\"--in\",\"s3://bucket\"]}";

    @Test
    void recordsMethodPathQueryHeadersAndBody() throws BindException {
        try (Emulator emulator = Emulator.start(EmulatorConfig.forTests())) {
            TestHttp flink = new TestHttp(emulator.flinkUrl());
            HttpResult run = flink.send("POST", "/jars/nope.jar/run?allowNonRestoredState=true", bytes(RUN_BODY),
                    "application/json", "X-Trace", "t-1");

            JsonNode entry = only(journal(flink, "?api=flink"));
            assertThat(entry.path("method").asText()).isEqualTo("POST");
            assertThat(entry.path("path").asText()).isEqualTo("/jars/nope.jar/run");
            assertThat(entry.path("query").asText()).isEqualTo("allowNonRestoredState=true");
            assertThat(entry.path("headers").path("X-Trace").toString()).isEqualTo("[\"t-1\"]");
            assertThat(entry.path("headers").path("Content-Type").toString()).isEqualTo("[\"application/json\"]");
            assertThat(entry.path("body").asText()).isEqualTo(RUN_BODY);
            assertThat(entry.path("bodyBytes").asLong()).isEqualTo(RUN_BODY.length());
            assertThat(entry.path("truncated").asBoolean()).isFalse();
            assertThat(entry.path("status").asInt()).isEqualTo(run.status());
        }
    }

    @Test
    void aRequestWithoutABodyRecordsNone() throws BindException {
        try (Emulator emulator = Emulator.start(EmulatorConfig.forTests())) {
            TestHttp flink = new TestHttp(emulator.flinkUrl());
            flink.get("/jobs/overview");

            JsonNode entry = only(journal(flink, "?api=flink"));
            assertThat(entry.path("body").isNull()).isTrue();
            assertThat(entry.path("bodyBytes").asLong()).isZero();
            assertThat(entry.path("truncated").asBoolean()).isFalse();
        }
    }

    @Test
    void credentialsInHeadersAndBodiesAreRedacted() throws BindException {
        try (Emulator emulator = Emulator.start(EmulatorConfig.forTests())) {
            TestHttp jobserver = new TestHttp(emulator.jobserverUrl());
            jobserver.send("GET", "/contexts", null, null, "Authorization", "Basic dXNlcjpzM2NyZXQ=",
                    "Cookie", "session=abc", "X-Other", "kept");
            TestHttp streamkap = new TestHttp(emulator.streamkapUrl());
            streamkap.post("/auth/access-token", "{\"client_id\":\"jobemu-client-id\",\"secret\":\"jobemu-secret\"}");

            HttpResult journal = jobserver.get("/_emulator/journal");
            JsonNode headers = only(journal(jobserver, "?api=jobserver")).path("headers");
            assertThat(headers.path("Authorization").toString()).isEqualTo("[\"Basic <redacted>\"]");
            assertThat(headers.path("Cookie").toString()).isEqualTo("[\"<redacted>\"]");
            assertThat(headers.path("X-Other").toString()).isEqualTo("[\"kept\"]");
            assertThat(only(journal(streamkap, "?api=streamkap")).path("body").asText())
                    .isEqualTo("{\"client_id\":\"jobemu-client-id\",\"secret\":\"<redacted>\"}");
            assertThat(journal.body()).doesNotContain("dXNlcjpzM2NyZXQ=", "session=abc", "jobemu-secret");
        }
    }

    @Test
    void headersAndBodyAreCutToTheBytesPerEntryAndSaySo() throws BindException {
        JournalBounds bounds = JournalBounds.DEFAULT.withEntryBytes(300);
        try (Emulator emulator = Emulator.start(EmulatorConfig.forTests().withJournal(bounds))) {
            TestHttp streamkap = new TestHttp(emulator.streamkapUrl());
            String body = "{\"client_id\":\"" + "x".repeat(2000) + "\"}";
            streamkap.post("/auth/access-token", body);

            JsonNode entry = only(journal(streamkap, "?api=streamkap"));
            assertThat(entry.path("truncated").asBoolean()).isTrue();
            assertThat(entry.path("bodyBytes").asLong()).isEqualTo(body.length());
            assertThat(body).startsWith(entry.path("body").asText());
            assertThat(recordedBytes(entry)).isEqualTo(300);
        }
    }

    @Test
    void theOldestEntriesDropOffOnceTheTotalBytesWouldBePassed() throws BindException {
        JournalBounds bounds = new JournalBounds(1000, 1000, 3000);
        try (Emulator emulator = Emulator.start(EmulatorConfig.forTests().withJournal(bounds))) {
            TestHttp flink = new TestHttp(emulator.flinkUrl());
            for (int i = 0; i < 6; i++) {
                flink.post("/jars/" + i + ".jar/run", "{\"entryClass\":\"" + "y".repeat(700) + "\"}");
            }

            JsonNode entries = flink.get("/_emulator/journal").json().path("entries");
            long total = 0;
            List<String> paths = new ArrayList<>();
            for (JsonNode entry : entries) {
                total += recordedBytes(entry);
                paths.add(entry.path("path").asText());
            }
            assertThat(total).isLessThanOrEqualTo(3000);
            assertThat(paths).containsExactly("/jars/3.jar/run", "/jars/4.jar/run", "/jars/5.jar/run");
        }
    }

    @Test
    void findMatchesMethodPathHeadersJsonPathsAndBodyText() throws BindException {
        try (Emulator emulator = Emulator.start(EmulatorConfig.forTests())) {
            TestHttp flink = new TestHttp(emulator.flinkUrl());
            flink.send("POST", "/jars/a.jar/run", bytes(RUN_BODY), "application/json", "X-Trace", "t-1");
            flink.get("/jobs");

            assertThat(count(flink, "{\"api\":\"flink\",\"method\":\"post\",\"path\":\"/jars/*/run\","
                    + "\"headers\":{\"x-trace\":{\"equalTo\":\"t-1\"},\"X-Missing\":{\"absent\":true}},"
                    + "\"bodyJson\":{\"$.parallelism\":{\"equalTo\":\"2\"},\"$.programArgsList[1]\":"
                    + "{\"matches\":\"s3://.*\"},\"$['entryClass']\":{\"contains\":\"Word\"}}}")).isEqualTo(1);
            assertThat(count(flink, "{\"bodyJson\":{\"$.parallelism\":{\"equalTo\":\"3\"}}}")).isZero();
            assertThat(count(flink, "{\"headers\":{\"X-Trace\":{\"equalTo\":\"t-2\"}}}")).isZero();
            assertThat(count(flink, "{\"body\":{\"contains\":\"s3://bucket\"}}")).isEqualTo(1);
            assertThat(count(flink, "{\"api\":\"flink\",\"path\":\"/jobs\"}")).isEqualTo(1);
            assertThat(count(flink, "{\"bodyJson\":{\"$.nothing.here\":{\"absent\":true}},\"api\":\"flink\"}"))
                    .isEqualTo(2);
        }
    }

    @Test
    void aMalformedQueryIsRefusedWithA400() throws BindException {
        try (Emulator emulator = Emulator.start(EmulatorConfig.forTests())) {
            TestHttp flink = new TestHttp(emulator.flinkUrl());

            HttpResult badPath = flink.post("/_emulator/journal/find", "{\"bodyJson\":{\"$.a[x]\":{\"equalTo\":\"1\"}}}");
            assertThat(badPath.status()).isEqualTo(400);
            assertThat(badPath.json().path("error").asText()).contains("not a JSON path such as $.a.b[0]");

            HttpResult twoMatches = flink.post("/_emulator/journal/find",
                    "{\"body\":{\"equalTo\":\"a\",\"contains\":\"b\"}}");
            assertThat(twoMatches.status()).isEqualTo(400);
            assertThat(twoMatches.json().path("error").asText())
                    .contains("a match needs exactly one of equalTo, contains, matches or absent: true");

            assertThat(flink.post("/_emulator/journal/find", "[1").status()).isEqualTo(400);
        }
    }

    @Test
    void jsonPathsBecomeJsonPointers() {
        assertThat(JournalQuery.pointer("$.a.b[0]").toString()).isEqualTo("/a/b/0");
        assertThat(JournalQuery.pointer("$['a.b'].c").toString()).isEqualTo("/a.b/c");
        assertThat(JournalQuery.pointer("a/b").toString()).isEqualTo("/a~1b");
        for (String bad : List.of("$.a[", "$..a", "$x", "$['a'")) {
            assertThatThrownBy(() -> JournalQuery.pointer(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static long count(TestHttp http, String query) {
        HttpResult found = http.post("/_emulator/journal/find", query);
        assertThat(found.status()).as(found.body()).isEqualTo(200);
        assertThat(found.json().path("entries").size()).isEqualTo(found.json().path("count").asInt());
        return found.json().path("count").asLong();
    }

    private static JsonNode journal(TestHttp http, String query) {
        return http.get("/_emulator/journal" + query).json().path("entries");
    }

    private static JsonNode only(JsonNode entries) {
        assertThat(entries.size()).as(entries.toString()).isEqualTo(1);
        return entries.get(0);
    }

    private static long recordedBytes(JsonNode entry) {
        long bytes = entry.path("body").isNull() ? 0 : bytes(entry.path("body").asText()).length;
        var headers = entry.path("headers").fields();
        while (headers.hasNext()) {
            var header = headers.next();
            for (JsonNode value : header.getValue()) {
                bytes += bytes(header.getKey()).length + bytes(value.asText()).length;
            }
        }
        return bytes;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
