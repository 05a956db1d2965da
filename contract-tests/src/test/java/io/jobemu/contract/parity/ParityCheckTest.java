package io.jobemu.contract.parity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jobemu.contract.flows.Transcript;
import io.jobemu.contract.http.Exchange;
import io.jobemu.contract.http.Request;
import io.jobemu.contract.http.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParityCheckTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shapesIgnoreValuesMergeListItemsAndCollapseIdKeys() throws Exception {
        JsonNode one = JSON.readTree("{\"jid\":\"a\",\"n\":1,\"tasks\":{\"0123456789abcdef0123456789abcdef\":{\"x\":1}},"
                + "\"list\":[{\"a\":1},{\"b\":\"x\"}],\"none\":null}");
        JsonNode two = JSON.readTree("{\"jid\":\"b\",\"n\":\"NaN\",\"tasks\":{\"fedcba9876543210fedcba9876543210\":{\"x\":7}},"
                + "\"list\":[{\"b\":\"y\"},{\"a\":2}],\"none\":null}");
        assertThat(JsonShape.of(one)).isEqualTo(JsonShape.of(two)).contains(".tasks.<id>.x:number", ".list[].b:string",
                ".none:null");
    }

    @Test
    void errorLinesKeepTheFirstLineWithIdsPathsAndNumbersReplaced() throws Exception {
        JsonNode body = JSON.readTree("{\"errors\":[\"org.example.E: Job 0123456789abcdef0123456789abcdef not found"
                + " in /tmp/x/y at 12\\n\\tat frame\"]}");
        assertThat(ErrorLines.of(body)).containsExactly("org.example.E: Job <hexid> not found in <path> at <n>");
        assertThat(ErrorLines.of(JSON.readTree("{\"detail\":\"Flink job not found\"}")))
                .containsExactly("Flink job not found");
        assertThat(ErrorLines.of(JSON.readTree("{\"jobs\":[]}"))).isEmpty();
    }

    @Test
    void theAllowListMatchesOperationKindAndDetail() {
        AllowList list = new AllowList(List.of(new AllowList.Entry("warm-up", "get\\w*Metrics",
                Difference.Kind.SHAPE, "(?m)^\\[\\]\\{\\}$", "because", false)));
        Difference allowed = new Difference("getJobMetrics", "getJobMetrics", Difference.Kind.SHAPE, "", "[]{}");
        Difference otherPath = new Difference("getJobMetrics", "getJobMetrics", Difference.Kind.SHAPE, "",
                "[].id:string");
        Difference otherOperation = new Difference("getJobPlan", "getJobPlan", Difference.Kind.SHAPE, "", "[]{}");
        Difference otherKind = new Difference("getJobMetrics", "getJobMetrics", Difference.Kind.STATUS, "200", "500");
        assertThat(list.unexplained(List.of(allowed, otherPath, otherOperation, otherKind)))
                .containsExactly(otherPath, otherOperation, otherKind);
    }

    @Test
    void stepsAreComparedByTheirSettledAnswer() {
        Transcript real = transcript(entry("poll", 200, "{\"status\":{\"id\":\"IN_PROGRESS\"},\"operation\":null}"),
                entry("poll", 200, "{\"status\":{\"id\":\"COMPLETED\"},\"operation\":{\"location\":\"x\"}}"),
                entry("only-real", 200, "{}"));
        Transcript emulated = transcript(
                entry("poll", 200, "{\"status\":{\"id\":\"COMPLETED\"},\"operation\":{\"location\":\"y\"}}"),
                entry("only-emulated", 404, "{\"errors\":[\"x\"]}"));
        assertThat(ParityCheck.compare(real, emulated)).extracting(Difference::label, Difference::kind)
                .containsExactly(tuple("only-real", Difference.Kind.STEP), tuple("only-emulated", Difference.Kind.STEP));
    }

    @Test
    void aMissingObjectIsOneDifferenceAndStatusesAndErrorLinesAreCompared() {
        Transcript real = transcript(entry("stats", 200, "{\"latest\":{\"completed\":{\"id\":1,\"size\":2}}}"),
                entry("cancel", 409, "{\"errors\":[\"E: job 0123456789abcdef0123456789abcdef is done\\n\\tat x\"]}"),
                entry("status", 200, "{}"));
        Transcript emulated = transcript(entry("stats", 200, "{\"latest\":{\"completed\":null}}"),
                entry("cancel", 409, "{\"errors\":[\"E: job fedcba9876543210fedcba9876543210 is over\"]}"),
                entry("status", 500, "{}"));
        assertThat(ParityCheck.compare(real, emulated)).extracting(Difference::kind, Difference::reference,
                Difference::candidate).containsExactly(
                tuple(Difference.Kind.SHAPE, ".latest.completed{}", ""),
                tuple(Difference.Kind.SHAPE, "", ".latest.completed:null"),
                tuple(Difference.Kind.ERROR_LINE, "E: job <hexid> is done", "E: job <hexid> is over"),
                tuple(Difference.Kind.STATUS, "200", "500"));
    }

    private static Transcript transcript(Transcript.Entry... entries) {
        Transcript transcript = new Transcript();
        for (Transcript.Entry entry : entries) {
            transcript.add(entry);
        }
        return transcript;
    }

    private static Transcript.Entry entry(String label, int status, String body) {
        Response response = new Response(status, Map.of("content-type", List.of("application/json")),
                body.getBytes(StandardCharsets.UTF_8));
        return new Transcript.Entry(label, label, new Exchange(Request.of("GET", "/" + label),
                URI.create("http://127.0.0.1/" + label), response, Duration.ZERO));
    }
}
