package io.jobemu.hardening;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobemu.EmulatorConfig;
import io.jobemu.core.Limits;
import io.jobemu.core.Namespaces;
import io.jobemu.testing.EmulatorTest;
import io.jobemu.testing.HttpResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The emulator's bounds, each enforced with the real server's refusal and leaving nothing stored: request bodies
 * (Flink 100 MiB, spark-jobserver 30 MiB), the jar store (1 GiB), the number of namespaces (256) and the journal
 * (a ring of 10,000 entries by default).
 */
class LimitsTest extends EmulatorTest {

    /** The real servers' defaults: Flink's rest.server.max-content-length, akka's parsing.max-content-length. */
    private static final int FLINK_MAX_CONTENT_LENGTH = 100 * 1024 * 1024;
    private static final int JOBSERVER_MAX_CONTENT_LENGTH = 30 * 1024 * 1024;
    private static final int JOURNAL_CAPACITY = 5;

    @Override
    protected EmulatorConfig config() {
        return super.config().withJournalCapacity(JOURNAL_CAPACITY);
    }

    @Test
    void aFlinkBodyOverTheLimitWithoutALengthIsRefusedWith413AsItStreamsIn() {
        RawHttp.Response response = new RawHttp(flink.baseUrl(), 30_000).send(RawHttp.Request
                .of("POST", "/jobs/" + "0".repeat(32) + "/savepoints").withHeader("Content-Type", "application/json")
                .withBody(new byte[FLINK_MAX_CONTENT_LENGTH + 1]).withFraming(RawHttp.Framing.CHUNKED));

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.text()).isEqualTo("{\"errors\":[\"Request entity too large: content length exceeds "
                + FLINK_MAX_CONTENT_LENGTH + " bytes. Try to raise [rest.server.max-content-length]\"]}");
    }

    @Test
    void aJarUploadThatCannotFitTheJarStoreIsRefusedWith413BeforeItIsRead() {
        long moreThanTheStore = Limits.DEFAULT.flinkJarStoreBytes() + 1;
        RawHttp.Response response = new RawHttp(flink.baseUrl(), 10_000).send(RawHttp.Request.of("POST", "/jars/upload")
                .withHeader("Content-Type", "multipart/form-data; boundary=b")
                .withHeader("Content-Length", String.valueOf(moreThanTheStore))
                .withBody("--b\r\n".getBytes(UTF_8)).withFraming(RawHttp.Framing.VERBATIM));

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.text()).isEqualTo("{\"errors\":[\"The jar store cannot take the upload: it has "
                + Limits.DEFAULT.flinkJarStoreBytes() + " of its " + Limits.DEFAULT.flinkJarStoreBytes() + " bytes left"
                + " and the upload is larger. Delete jars with DELETE /jars/{jarid}, or start the emulator with a"
                + " higher --flink-jar-store-bytes.\"]}");
        assertThat(flink.get("/jars").json().path("files")).isEmpty();
    }

    @Test
    void aJobserverBodyOverTheLimitIsRefusedWithAkkasTextAndNothingIsStored() {
        RawHttp raw = new RawHttp(jobserver.baseUrl(), 30_000);
        RawHttp.Request upload = RawHttp.Request.of("POST", "/binaries/big")
                .withHeader("Content-Type", "application/java-archive")
                .withBody(new byte[JOBSERVER_MAX_CONTENT_LENGTH + 1]);

        RawHttp.Response declared = raw.send(upload);
        RawHttp.Response streamed = raw.send(upload.withFraming(RawHttp.Framing.CHUNKED));

        String tail = " exceeded content length limit (" + JOBSERVER_MAX_CONTENT_LENGTH + " bytes)! You can configure "
                + "this by setting `akka.http.[server|client].parsing.max-content-length` or calling "
                + "`HttpEntity.withSizeLimit` before materializing the dataBytes stream.";
        assertThat(declared.status()).isEqualTo(413);
        assertThat(declared.contentType()).isEqualTo("text/plain; charset=UTF-8");
        assertThat(declared.text()).isEqualTo("The request content was malformed:\nEntityStreamSizeException: actual "
                + "entity size (Some(" + (JOBSERVER_MAX_CONTENT_LENGTH + 1) + "))" + tail);
        assertThat(streamed.status()).isEqualTo(413);
        assertThat(streamed.text()).endsWith("actual entity size (None)" + tail);
        assertThat(jobserver.get("/binaries").body()).isEqualTo("{}");
    }

    @Test
    void namespacesStopAt256AndABadNameCreatesNone() {
        for (int i = Limits.DEFAULT.maxNamespaces() - 1; i > 0; i--) {
            assertThat(flink.send("GET", "/jobs", null, null, Namespaces.HEADER, "ns-" + i).status()).isEqualTo(200);
        }

        HttpResult oneTooMany = flink.get("/_ns/one-too-many/jobs");
        HttpResult badName = flink.send("GET", "/jobs", null, null, Namespaces.HEADER, "../../etc");

        assertThat(oneTooMany.status()).isEqualTo(400);
        assertThat(oneTooMany.json().path("error").asText()).startsWith("at most 256 namespaces can exist at once");
        assertThat(badName.status()).isEqualTo(400);
        assertThat(badName.json().path("error").asText()).startsWith("namespace names are 1 to 64 letters");
        List<String> names = new ArrayList<>();
        flink.get("/_emulator/namespaces").json().path("namespaces").forEach(name -> names.add(name.asText()));
        assertThat(names).hasSize(Limits.DEFAULT.maxNamespaces()).doesNotContain("one-too-many", "../../etc");
        assertThat(flink.delete("/_emulator/namespaces/ns-1").status()).isEqualTo(200);
        assertThat(flink.get("/_ns/one-too-many/jobs").status()).isEqualTo(200);
    }

    @Test
    void theJournalKeepsTheNewestEntriesUpToItsCapacity() {
        for (String path : List.of("/config", "/overview", "/jobs", "/jars", "/taskmanagers", "/jobs/overview")) {
            flink.get(path);
        }

        JsonNode journal = flink.get("/_emulator/journal").json();

        assertThat(journal.path("capacity").asInt()).isEqualTo(JOURNAL_CAPACITY);
        assertThat(journal.path("entries").findValuesAsText("path"))
                .containsExactly("/overview", "/jobs", "/jars", "/taskmanagers", "/jobs/overview");
        assertThat(journal.path("entries").path(0).path("sequence").asLong()).isEqualTo(1);
    }
}
