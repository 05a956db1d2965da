package io.jobemu.hardening;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.jobemu.testing.EmulatorTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * No answer, on any port, leaves before the request's body has been read: a client that streams its body slowly,
 * chunked or not, with {@code Connection: close} (as Flink's RestClusterClient does), reads the same answer as one
 * that sends it all at once, never a reset, whether the route is unknown, has other methods, fails, is the control
 * API's or answers with an injected fault.
 */
class AnswerAfterBodyTest extends EmulatorTest {

    private static final String UNKNOWN_JOB = "0".repeat(32);
    private static final List<String> JSON = List.of("Content-Type: application/json");

    /** One request, its API's port and the status its API answers. */
    private record Case(String api, String method, String target, List<String> headers, String body, int status) {
    }

    private List<Case> cases() {
        String largeJson = "{\"padding\":\"" + "x".repeat(200_000) + "\"}";
        String brokenJson = "{\"padding\":\"" + "x".repeat(200_000) + "\"";
        return List.of(
                new Case("flink", "POST", "/no/such/route", JSON, largeJson, 404),
                new Case("flink", "GET", "/no/such/file", JSON, largeJson, 404),
                new Case("flink", "PATCH", "/jobs/overview", JSON, largeJson, 404),
                new Case("flink", "POST", "/jobs/" + UNKNOWN_JOB + "/savepoints", JSON, brokenJson, 400),
                new Case("flink", "POST", "/jars/upload", List.of("Content-Type: multipart/form-data; boundary=b"),
                        "--b\r\nContent-Disposition: form-data; name=\"jarfile\"; filename=\"a.txt\"\r\n\r\n"
                                + "x".repeat(200_000) + "\r\n--b--\r\n", 400),
                new Case("flink", "POST", "/_emulator/no/such/route", JSON, largeJson, 404),
                new Case("flink", "PUT", "/_emulator/health", JSON, largeJson, 405),
                new Case("flink", "POST", "/_emulator/faults", JSON, brokenJson, 400),
                new Case("flink", "POST", "/_ns/" + "n".repeat(300) + "/jobs", JSON, largeJson, 400),
                new Case("jobserver", "GET", "/no/such/route", JSON, largeJson, 404),
                new Case("jobserver", "POST", "/no/such/route", JSON, largeJson, 405),
                new Case("jobserver", "PUT", "/binaries", JSON, largeJson, 405),
                new Case("jobserver", "POST", "/binaries/app", List.of("Content-Type: application/java-archive"),
                        largeJson, 400),
                new Case("jobserver", "POST", "/_emulator/clock/advance", JSON, brokenJson, 400),
                new Case("streamkap", "POST", "/no/such/route", JSON, largeJson, 404),
                new Case("streamkap", "PUT", "/flink_jobs", JSON, largeJson, 405),
                new Case("streamkap", "POST", "/auth/access-token", JSON, brokenJson, 422),
                new Case("streamkap", "DELETE", "/_emulator/no/such/route", JSON, largeJson, 404));
    }

    @Test
    void everyAnswerComesAfterASlowChunkedBody() {
        for (Case request : cases()) {
            assertSameAnswerWhenStreamed(request, true);
        }
    }

    @Test
    void everyAnswerComesAfterASlowBodyOfAnnouncedLength() {
        for (Case request : cases()) {
            assertSameAnswerWhenStreamed(request, false);
        }
    }

    @Test
    void anInjectedFaultAnswersAfterTheBody() {
        assertThat(flink.post("/_emulator/faults", "{\"path\":\"/jobs/overview\",\"action\":\"RESPOND\","
                + "\"status\":503,\"body\":\"down\"}").status()).isEqualTo(201);

        SlowBodyClient.Result answer = new SlowBodyClient(flink.baseUrl()).send("POST", "/jobs/overview", JSON,
                pieces("{\"padding\":\"" + "x".repeat(100_000) + "\"}"), true);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(503);
        assertThat(answer.body()).isEqualTo("down");
        assertThat(answer.answeredBeforeTheBodyEnded()).isFalse();
    }

    private void assertSameAnswerWhenStreamed(Case request, boolean chunked) {
        String baseUrl = switch (request.api()) {
            case "flink" -> flink.baseUrl();
            case "jobserver" -> jobserver.baseUrl();
            default -> streamkap.baseUrl();
        };
        RawHttp.Request whole = RawHttp.Request.of(request.method(), request.target())
                .withBody(request.body().getBytes(UTF_8));
        for (String header : request.headers()) {
            String[] nameAndValue = header.split(": ", 2);
            whole = whole.withHeader(nameAndValue[0], nameAndValue[1]);
        }
        RawHttp.Response atOnce = new RawHttp(baseUrl, 30_000).send(whole);

        SlowBodyClient.Result streamed = new SlowBodyClient(baseUrl).send(request.method(), request.target(),
                request.headers(), pieces(request.body()), chunked);

        String what = request.api() + " " + request.method() + " " + RawHttp.abbreviate(request.target(), 60)
                + (chunked ? " chunked" : " with Content-Length");
        assertThat(atOnce.status()).as(what + ": " + atOnce).isEqualTo(request.status());
        assertThat(streamed.status()).as(what + ": " + streamed).isEqualTo(request.status());
        assertThat(streamed.body()).as(what).isEqualTo(atOnce.text());
        assertThat(streamed.answeredBeforeTheBodyEnded()).as(what + " answered early").isFalse();
    }

    /** The body in four pieces. */
    private static List<byte[]> pieces(String body) {
        byte[] bytes = body.getBytes(UTF_8);
        List<byte[]> pieces = new ArrayList<>();
        int size = bytes.length / 4 + 1;
        for (int start = 0; start < bytes.length; start += size) {
            byte[] piece = new byte[Math.min(size, bytes.length - start)];
            System.arraycopy(bytes, start, piece, 0, piece.length);
            pieces.add(piece);
        }
        return pieces;
    }
}
