package io.jobemu.hardening;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.jobemu.Emulator;
import io.jobemu.EmulatorConfig;
import io.jobemu.testing.TestHttp;
import java.net.BindException;
import java.util.Base64;
import java.util.regex.Matcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code Authorization} header variants against each API, over a bare socket so the header is sent byte for byte.
 * Streamkap answers as FastAPI's {@code HTTPBearer} in front of the service's token check; spark-jobserver as
 * akka-http's Basic authentication. In the tables, {@code T} stands for a valid access token, {@code <tab>} for a
 * tab and {@code <b64:text>} for text in base64. (Undertow hands a tab inside a header value over as a space, so
 * {@code Bearer<tab>T}, which FastAPI refuses, passes: the one variant the emulator cannot tell apart.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthHeaderTableTest {

    private static final String NOT_AUTHENTICATED = "{\"detail\":\"Not authenticated\"}";
    private static final String UNAUTHENTICATED = "{\"detail\":\"Unauthenticated\"}";
    private static final String NOT_SUPPLIED = "The resource requires authentication, which was not supplied with the "
            + "request";
    private static final String INVALID = "The supplied authentication is invalid";

    private Emulator emulator;
    private String token;

    @BeforeAll
    void start() throws BindException {
        emulator = Emulator.start(EmulatorConfig.forTests());
        token = new TestHttp(emulator.streamkapUrl()).post("/auth/access-token",
                "{\"client_id\":\"jobemu-client-id\",\"secret\":\"jobemu-secret\"}").json().path("accessToken").asText();
        TestHttp jobserver = new TestHttp(emulator.jobserverUrl());
        assertThat(jobserver.put("/_emulator/jobserver/settings", """
                {"authentication": true, "users": [{"name": "admin", "password": "secret"},
                                                   {"name": "alice", "password": "pw"}]}""").status()).isEqualTo(200);
    }

    @AfterAll
    void stop() {
        emulator.close();
    }

    private static String header(String template, String substitute) {
        return template.replace("<tab>", "\t").replace("<b64:", "\u0000").transform(text -> {
            int start = text.indexOf('\u0000');
            if (start < 0) {
                return text.replaceAll("\\bT\\b", Matcher.quoteReplacement(substitute));
            }
            int end = text.indexOf('>', start);
            String encoded = Base64.getEncoder().encodeToString(text.substring(start + 1, end).getBytes(UTF_8));
            return text.substring(0, start) + encoded + text.substring(end + 1);
        });
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class StreamkapAsFastApisHttpBearer {

        @ParameterizedTest(name = "[{0}] -> {1} {2}")
        @CsvSource(delimiter = '|', nullValues = "NONE", value = {
                "NONE              | 401 | not authenticated",
                "''                | 401 | not authenticated",
                "Bearer T          | 200 | ok",
                "bearer T          | 200 | ok",
                "BEARER T          | 200 | ok",
                "bEaReR T          | 200 | ok",
                "'Bearer    T'     | 200 | ok",
                "'Bearer <tab>T'   | 200 | ok",
                "'  Bearer T  '    | 200 | ok",
                "T                 | 401 | not authenticated",
                "Bearer            | 401 | not authenticated",
                "'Bearer '         | 401 | not authenticated",
                "Bearer,T          | 401 | not authenticated",
                "Basic T           | 401 | not authenticated",
                "Token T           | 401 | not authenticated",
                "Bearer Bearer T   | 401 | unauthenticated",
                "'Bearer T extra'  | 401 | unauthenticated",
                "Bearer nope       | 401 | unauthenticated",
        })
        void header(String template, int status, String outcome) {
            RawHttp.Request request = RawHttp.Request.of("GET", "/flink_jobs");
            if (template != null) {
                request = request.withHeader("Authorization", AuthHeaderTableTest.header(template, token));
            }

            RawHttp.Response response = new RawHttp(emulator.streamkapUrl(), 10_000).send(request);

            assertThat(response.status()).as(response.toString()).isEqualTo(status);
            switch (outcome) {
                case "ok" -> assertThat(response.text()).startsWith("{\"result\":[]");
                case "not authenticated" -> {
                    assertThat(response.text()).isEqualTo(NOT_AUTHENTICATED);
                    assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
                }
                default -> {
                    assertThat(response.text()).isEqualTo(UNAUTHENTICATED);
                    assertThat(response.header("WWW-Authenticate")).isNull();
                }
            }
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class JobserverAsAkkaHttpsBasicAuth {

        @ParameterizedTest(name = "[{0}] -> {1} {2}")
        @CsvSource(delimiter = '|', nullValues = "NONE", value = {
                "NONE                         | 401 | not supplied",
                "Basic <b64:admin:secret>     | 200 | ok",
                "basic <b64:admin:secret>     | 200 | ok",
                "BASIC <b64:admin:secret>     | 200 | ok",
                "'Basic   <b64:admin:secret>' | 200 | ok",
                "'Basic<tab><b64:admin:secret>' | 200 | ok",
                "Basic<b64:admin:secret>      | 200 | ok",
                "Basic YWxpY2U6cHc=           | 200 | ok",
                "Basic YWxpY2U6cHc            | 200 | ok",
                "Basic YWxpY2U6cHc===         | 200 | ok",
                "Basic <b64:admin:wrong>      | 401 | invalid",
                "Basic <b64:admin>            | 401 | invalid",
                "Basic <b64::>                | 401 | invalid",
                "Basic YWxp-2U6cHc=           | 401 | invalid",
                "Basic YWxpY2U6cHc=x          | 401 | not supplied",
                "'Basic <b64:admin:secret> x' | 401 | not supplied",
                "Basic                        | 401 | not supplied",
                "'Basic ===='                 | 401 | not supplied",
                "Basic !!!                    | 401 | not supplied",
                "Bearer T                     | 401 | not supplied",
                "<b64:admin:secret>           | 401 | not supplied",
        })
        void header(String template, int status, String outcome) {
            RawHttp.Request request = RawHttp.Request.of("GET", "/jobs");
            if (template != null) {
                request = request.withHeader("Authorization", AuthHeaderTableTest.header(template, token));
            }

            RawHttp.Response response = new RawHttp(emulator.jobserverUrl(), 10_000).send(request);

            assertThat(response.status()).as(response.toString()).isEqualTo(status);
            switch (outcome) {
                case "ok" -> assertThat(response.text()).isEqualTo("[]");
                case "invalid" -> assertThat(response.text()).isEqualTo(INVALID);
                default -> assertThat(response.text()).isEqualTo(NOT_SUPPLIED);
            }
            if (status == 401) {
                assertThat(response.header("WWW-Authenticate"))
                        .isEqualTo("Basic realm=\"Sparkjobserver Private\",charset=UTF-8");
            }
        }
    }
}
