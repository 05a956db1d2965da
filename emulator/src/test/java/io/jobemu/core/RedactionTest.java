package io.jobemu.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobemu.core.control.Redaction;
import io.jobemu.core.http.Json;
import org.junit.jupiter.api.Test;

/** The rule the journal and the control views use to keep secrets out of what they show. */
class RedactionTest {

    @Test
    void credentialHeadersLoseTheirValueAndKeepTheirScheme() {
        assertThat(Redaction.header("Authorization", "Basic YWRtaW46c2VjcmV0")).isEqualTo("Basic <redacted>");
        assertThat(Redaction.header("authorization", "bearer eyJ.x.y")).isEqualTo("bearer <redacted>");
        assertThat(Redaction.header("Authorization", "token-without-scheme")).isEqualTo("<redacted>");
        assertThat(Redaction.header("X-Emulator-Control-Token", "s3cr3t")).isEqualTo("<redacted>");
        assertThat(Redaction.header("Proxy-Authorization", "Basic abc")).isEqualTo("Basic <redacted>");
        assertThat(Redaction.header("Cookie", "session=abc")).isEqualTo("<redacted>");
        assertThat(Redaction.header("x-api-key", "k")).isEqualTo("<redacted>");
        assertThat(Redaction.header("Content-Type", "application/json")).isEqualTo("application/json");
        assertThat(Redaction.header("X-Emulator-Namespace", "team-a")).isEqualTo("team-a");
    }

    @Test
    void jsonAndFormBodiesLoseTheValuesOfSecretFields() throws Exception {
        assertThat(Redaction.body("application/json; charset=UTF-8",
                "{\"client_id\":\"ci\",\"secret\":\"s\",\"nested\":{\"refresh_token\":\"r\",\"n\":1},"
                        + "\"users\":[{\"name\":\"a\",\"password\":\"p\"}],\"authentication\":true}"))
                .isEqualTo("{\"client_id\":\"ci\",\"secret\":\"<redacted>\",\"nested\":{\"refresh_token\":"
                        + "\"<redacted>\",\"n\":1},\"users\":[{\"name\":\"a\",\"password\":\"<redacted>\"}],"
                        + "\"authentication\":true}");
        assertThat(Redaction.body("application/x-www-form-urlencoded", "client_id=ci&client%5Fsecret=s&x"))
                .isEqualTo("client_id=ci&client%5Fsecret=<redacted>&x");
        assertThat(Redaction.body("application/json", "{not json")).isEqualTo("{not json");
        assertThat(Redaction.body("text/plain", "password = p")).as("HOCON job configs are the job's data")
                .isEqualTo("password = p");
        assertThat(Redaction.json(Json.MAPPER.readTree("{\"project_key\":\"k\",\"apiKey\":\"a\",\"token\":null}"))
                .toString()).isEqualTo("{\"project_key\":\"<redacted>\",\"apiKey\":\"<redacted>\",\"token\":null}");
    }

    @Test
    void queryStringsLoseTheValuesOfSecretParameters() {
        assertThat(Redaction.query("by=PT5S")).isEqualTo("by=PT5S");
        assertThat(Redaction.query("user=a&password=p&access_token=t")).isEqualTo("user=a&password=<redacted>"
                + "&access_token=<redacted>");
        assertThat(Redaction.query("%zz=1&token")).isEqualTo("%zz=1&token");
        assertThat(Redaction.query(null)).isNull();
    }

    @Test
    void anIssuedTokenShowsOnlyItsEnd() {
        assertThat(Redaction.tokenEnd("eyJhbGciOiJIUzI1NiJ9.payload.signaTURE")).isEqualTo("<redacted>TURE");
        assertThat(Redaction.tokenEnd("short")).isEqualTo("<redacted>");
    }
}
