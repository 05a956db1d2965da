package io.jobemu.hardening;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import io.jobemu.EmulatorConfig;
import io.jobemu.core.Limits;
import io.jobemu.testing.EmulatorTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Upload limits hold for bodies that do not announce their length: a chunked upload is cut off once it passes the
 * limit, with the API's own 413, and nothing of it stays on disk or in a store.
 */
class StreamingLimitsTest extends EmulatorTest {

    private static final int JAR_STORE_BYTES = 256 * 1024;
    private static final int STREAMKAP_MAX_CONTENT_LENGTH = 128 * 1024;
    /** Far past every limit: a server that does not stop reading would take all of it. */
    private static final int SENT_BYTES = 64 * 1024 * 1024;

    @Override
    protected EmulatorConfig config() {
        return super.config().withLimits(Limits.DEFAULT.toBuilder()
                .flinkJarStoreBytes(JAR_STORE_BYTES)
                .streamkapMaxContentLength(STREAMKAP_MAX_CONTENT_LENGTH)
                .build());
    }

    @Test
    void aChunkedJarUploadPastTheJarStoreIsCutOffWithFlinks413() throws IOException {
        String answer = sendChunkedUpload(flink.baseUrl(), "POST /jars/upload", "jarfile");

        assertThat(answer).startsWith("HTTP/1.1 413 ");
        assertThat(answer).endsWith("{\"errors\":[\"The jar store cannot take the upload: it has " + JAR_STORE_BYTES
                + " of its " + JAR_STORE_BYTES + " bytes left and the upload is larger. Delete jars with DELETE "
                + "/jars/{jarid}, or start the emulator with a higher --flink-jar-store-bytes.\"]}");
        assertThat(flink.get("/jars").json().path("files")).isEmpty();
        assertThat(filesUnder(emulator.namespace("default").context().workDir())).isZero();
    }

    @Test
    void aChunkedStreamkapDeployPastItsLimitIsCutOffWithFastApis413() throws IOException {
        String answer = sendChunkedUpload(streamkap.baseUrl(), "POST /flink_jobs/jar", "jar_file");

        assertThat(answer).startsWith("HTTP/1.1 413 ");
        assertThat(answer).endsWith("{\"detail\":\"Request Entity Too Large\"}");
        assertThat(flink.get("/jars").json().path("files")).isEmpty();
        assertThat(filesUnder(emulator.namespace("default").context().workDir())).isZero();
    }

    /**
     * Streams a multipart upload of {@link #SENT_BYTES} in chunks until the server answers or stops reading, and
     * returns what it answered.
     */
    private static String sendChunkedUpload(String baseUrl, String requestLine, String field) throws IOException {
        URI uri = URI.create(baseUrl);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write((requestLine + " HTTP/1.1\r\nHost: " + uri.getAuthority() + "\r\nContent-Type: "
                    + "multipart/form-data; boundary=b\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(ISO_8859_1));
            String start = "--b\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"big.jar\"\r\n\r\n";
            out.write((Integer.toHexString(start.length()) + "\r\n" + start + "\r\n").getBytes(ISO_8859_1));
            byte[] chunk = new byte[64 * 1024];
            InputStream in = socket.getInputStream();
            try {
                for (int sent = 0; sent < SENT_BYTES && in.available() == 0; sent += chunk.length) {
                    out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(ISO_8859_1));
                    out.write(chunk);
                    out.write("\r\n".getBytes(ISO_8859_1));
                }
            } catch (IOException e) {
                // the server answered and closed before taking the rest: read what it said
            }
            return new String(in.readAllBytes(), ISO_8859_1);
        }
    }

    private static long filesUnder(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).count();
        }
    }
}
