package io.jobemu.hardening;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.jobemu.Emulator;
import io.jobemu.EmulatorConfig;
import io.jobemu.testing.TestHttp;
import java.net.BindException;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
    private static final String BASIC_CHALLENGE = "Basic realm=\"Sparkjobserver Private\",charset=UTF-8";
    private static final Map<String, Expected> OUTCOMES = Map.of(
            "listed", new Expected("{\"result\":[]", true, null),
            "not authenticated", new Expected(NOT_AUTHENTICATED, false, "Bearer"),
            "unauthenticated", new Expected(UNAUTHENTICATED, false, null),
            "jobs listed", new Expected("[]", false, null),
            "not supplied", new Expected(NOT_SUPPLIED, false, BASIC_CHALLENGE),
            "invalid", new Expected(INVALID, false, BASIC_CHALLENGE));

    private Emulator emulator;
    private String token;

    @BeforeAll
    void start() throws BindException {
        emulator = Emulator.start(EmulatorConfig.forTests());
        token = new TestHttp(emulator.streamkapUrl()).post("/auth/access-token",
                "{\"client_id\":\"jobemu-client-id\",\"secret\":\"jobemu-secret\"}").json().path("accessToken")
                .asText();
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

    @ParameterizedTest(name = "{0} [{1}] -> {2} {3}")
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {
            "streamkap | NONE                            | 401 | not authenticated",
            "streamkap | ''                              | 401 | not authenticated",
            "streamkap | Bearer T                        | 200 | listed",
            "streamkap | bearer T                        | 200 | listed",
            "streamkap | BEARER T                        | 200 | listed",
            "streamkap | bEaReR T                        | 200 | listed",
            "streamkap | 'Bearer    T'                   | 200 | listed",
            "streamkap | 'Bearer <tab>T'                 | 200 | listed",
            "streamkap | '  Bearer T  '                  | 200 | listed",
            "streamkap | T                               | 401 | not authenticated",
            "streamkap | Bearer                          | 401 | not authenticated",
            "streamkap | 'Bearer '                       | 401 | not authenticated",
            "streamkap | Bearer,T                        | 401 | not authenticated",
            "streamkap | Basic T                         | 401 | not authenticated",
            "streamkap | Token T                         | 401 | not authenticated",
            "streamkap | Bearer Bearer T                 | 401 | unauthenticated",
            "streamkap | 'Bearer T extra'                | 401 | unauthenticated",
            "streamkap | Bearer nope                     | 401 | unauthenticated",
            "jobserver | NONE                            | 401 | not supplied",
            "jobserver | Basic <b64:admin:secret>        | 200 | jobs listed",
            "jobserver | basic <b64:admin:secret>        | 200 | jobs listed",
            "jobserver | BASIC <b64:admin:secret>        | 200 | jobs listed",
            "jobserver | 'Basic   <b64:admin:secret>'    | 200 | jobs listed",
            "jobserver | 'Basic<tab><b64:admin:secret>'  | 200 | jobs listed",
            "jobserver | Basic<b64:admin:secret>         | 200 | jobs listed",
            "jobserver | Basic YWxpY2U6cHc=              | 200 | jobs listed",
            "jobserver | Basic YWxpY2U6cHc               | 200 | jobs listed",
            "jobserver | Basic YWxpY2U6cHc===            | 200 | jobs listed",
            "jobserver | Basic <b64:admin:wrong>         | 401 | invalid",
            "jobserver | Basic <b64:admin>               | 401 | invalid",
            "jobserver | Basic <b64::>                   | 401 | invalid",
            "jobserver | Basic YWxp-2U6cHc=              | 401 | invalid",
            "jobserver | Basic YWxpY2U6cHc=x             | 401 | not supplied",
            "jobserver | 'Basic <b64:admin:secret> x'    | 401 | not supplied",
            "jobserver | Basic                           | 401 | not supplied",
            "jobserver | 'Basic ===='                    | 401 | not supplied",
            "jobserver | Basic !!!                       | 401 | not supplied",
            "jobserver | Bearer T                        | 401 | not supplied",
            "jobserver | <b64:admin:secret>              | 401 | not supplied",
    })
    void header(String api, String template, int status, String outcome) {
        String baseUrl = api.equals("streamkap") ? emulator.streamkapUrl() : emulator.jobserverUrl();
        RawHttp.Request request = RawHttp.Request.of("GET", api.equals("streamkap") ? "/flink_jobs" : "/jobs");
        if (template != null) {
            request = request.withHeader("Authorization", header(template, token));
        }

        RawHttp.Response response = new RawHttp(baseUrl, 10_000).send(request);

        Expected expected = OUTCOMES.get(outcome);
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        if (expected.bodyIsPrefix()) {
            assertThat(response.text()).startsWith(expected.body());
        } else {
            assertThat(response.text()).isEqualTo(expected.body());
        }
        assertThat(response.header("WWW-Authenticate")).isEqualTo(expected.challenge());
    }

    /** What an answer must be: its body (or how it starts) and its challenge header, if any. */
    private record Expected(String body, boolean bodyIsPrefix, String challenge) {
    }
}
