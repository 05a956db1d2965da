package io.jobemu.hardening;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.jobemu.testing.EmulatorTest;
import io.jobemu.testing.HttpResult;
import io.jobemu.testing.TestJars;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * Inputs past a parser's own bounds get the API's 4xx, in its shape, never a 500 or an internal class name: huge
 * numbers and strings, deep nesting, oversized control bodies, file names no file system stores.
 */
class RequestErrorsTest extends EmulatorTest {

    private static final String PARSE_ERROR = "{\"detail\":\"There was an error parsing the body\"}";

    @Test
    void streamkapReadsNumbersAndStringsAsPythonDoes() {
        HttpResult longNumber = streamkap.post("/auth/access-token", "{\"client_id\":" + "7".repeat(1500)
                + ",\"secret\":\"s\"}");
        HttpResult tooManyDigits = streamkap.post("/auth/access-token", "{\"client_id\":" + "7".repeat(4301)
                + ",\"secret\":\"s\"}");
        HttpResult longString = streamkap.post("/auth/access-token", "{\"client_id\":\"" + "c".repeat(20_000_001)
                + "\",\"secret\":\"s\"}");
        HttpResult deep = streamkap.post("/auth/access-token", "[".repeat(800) + "]".repeat(800));

        assertThat(longNumber.status()).isEqualTo(422);
        assertThat(longNumber.body()).startsWith("{\"detail\":[{\"type\":\"string_type\",\"loc\":[\"body\","
                + "\"client_id\"],\"msg\":\"Input should be a valid string\",\"input\":" + "7".repeat(1500) + "}]}");
        assertThat(tooManyDigits.status()).isEqualTo(400);
        assertThat(tooManyDigits.body()).isEqualTo(PARSE_ERROR);
        assertThat(longString.status()).isEqualTo(401);
        assertThat(deep.status()).isEqualTo(422);
        assertThat(deep.json().path("detail").path(0).path("type").asText()).isEqualTo("model_attributes_type");
    }

    @Test
    void aControlBodyOverItsLimitIs413InTheControlApisShape() {
        HttpResult tooLarge = flink.post("/_emulator/faults", "{\"path\":\"/" + "x".repeat(1024 * 1024) + "\"}");
        HttpResult hugeNumber = flink.post("/_emulator/faults", "{\"action\":\"DROP_CONNECTION\",\"times\":"
                + "9".repeat(2000) + "}");

        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.body()).isEqualTo("{\"error\":\"request body larger than 1048576 bytes\"}");
        assertThat(hugeNumber.status()).isEqualTo(400);
        assertThat(hugeNumber.json().path("error").asText()).startsWith("invalid fault: Number value length");
        assertThat(flink.get("/_emulator/faults").json().path("faults")).isEmpty();
    }

    @Test
    void aStreamkapDeployWithAJarNameNoFileSystemStoresIs400NamingWhy() throws IOException {
        String token = streamkap.post("/auth/access-token",
                "{\"client_id\":\"jobemu-client-id\",\"secret\":\"jobemu-secret\"}").json().path("accessToken")
                .asText();

        RawHttp.Response tooLong = deploy(token, "first", "j".repeat(300) + ".jar");
        RawHttp.Response withNul = deploy(token, "second", "a\u0000b.jar");

        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.text()).isEqualTo("{\"detail\":\"The jar file name is 304 bytes long; it may have at most 218"
                + " (the stored file's name adds a 37-byte id to it).\"}");
        assertThat(withNul.status()).isEqualTo(400);
        assertThat(withNul.text()).isEqualTo("{\"detail\":\"The jar file name must not contain a NUL character.\"}");
        assertThat(flink.get("/jars").json().path("files")).isEmpty();
    }

    @Test
    void flinkAnswersAJarNameNoFileSystemStoresAsItsUploadHandlerDoes() {
        HttpResult tooLong = flink.upload("/jars/upload", "jarfile", "j".repeat(300) + ".jar",
                TestJars.withMainClass("a.B"));

        assertThat(tooLong.status()).isEqualTo(500);
        assertThat(tooLong.body()).isEqualTo("{\"errors\":[\"File upload failed.\"]}");
    }

    private RawHttp.Response deploy(String token, String name, String fileName) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--b\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\n" + name + "\r\n--b\r\n"
                + "Content-Disposition: form-data; name=\"main_class\"\r\n\r\na.B\r\n--b\r\nContent-Disposition: "
                + "form-data; name=\"jar_file\"; filename=\"" + fileName + "\"\r\n\r\n").getBytes(UTF_8));
        body.write(TestJars.withMainClass("a.B"));
        body.write("\r\n--b--\r\n".getBytes(UTF_8));
        return new RawHttp(streamkap.baseUrl(), 30_000).send(RawHttp.Request.of("POST", "/flink_jobs/jar")
                .withHeader("Authorization", "Bearer " + token)
                .withHeader("Content-Type", "multipart/form-data; boundary=b").withBody(body.toByteArray()));
    }
}
