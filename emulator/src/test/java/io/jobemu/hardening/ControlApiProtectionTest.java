package io.jobemu.hardening;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.jobemu.Emulator;
import io.jobemu.EmulatorConfig;
import io.jobemu.core.control.ControlAccess;
import io.jobemu.testing.TestHttp;
import java.net.BindException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a web page open in the developer's browser, or a test in another namespace, can do to the control API:
 * nothing. Requests go over a bare socket so that every header (Origin above all) is exactly what a browser sends.
 */
class ControlApiProtectionTest {

    private static final String PAGE = "http://evil.example";
    private Emulator emulator;
    private RawHttp http;

    /** One emulator per test, started with the scenario's configuration; requests go to its Flink port. */
    abstract class Scenario {

        abstract EmulatorConfig config();

        @BeforeEach
        void start() throws BindException {
            emulator = Emulator.start(config());
            http = new RawHttp(emulator.flinkUrl(), 10_000);
        }

        @AfterEach
        void stop() {
            emulator.close();
        }
    }

    private static RawHttp.Request post(String target, String contentType, String body) {
        RawHttp.Request request = RawHttp.Request.of("POST", target).withBody(body.getBytes(UTF_8));
        return contentType == null ? request : request.withHeader("Content-Type", contentType);
    }

    @Nested
    class WithoutAToken extends Scenario {

        @Override
        EmulatorConfig config() {
            return EmulatorConfig.forTests();
        }

        /** The content types a cross-origin page may send without a preflight, and none at all. */
        @ParameterizedTest
        @ValueSource(strings = {"text/plain", "text/plain; charset=UTF-8", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x", "text/plain; application/json", "none"})
        void aSimpleRequestChangesNoState(String contentType) {
            String type = contentType.equals("none") ? null : contentType;
            emulator.faults().clear();
            long before = emulator.clock().millis();

            List<RawHttp.Response> answers = List.of(
                    http.send(post("/_emulator/clock/advance?by=PT1H", type, "")),
                    http.send(post("/_emulator/faults", type,
                            "{\"path\":\"/**\",\"action\":\"RESPOND\",\"status\":500}")),
                    http.send(post("/_emulator/reset", type, "")),
                    http.send(post("/_emulator/clock/mode?mode=real", type, "")));

            for (RawHttp.Response answer : answers) {
                assertThat(answer.status()).as(answer.toString()).isEqualTo(415);
                assertThat(answer.text()).isEqualTo("{\"error\":\"POST control requests need Content-Type: "
                        + "application/json (or an X-Emulator-* header), so that no web page can send them\"}");
            }
            assertThat(emulator.clock().millis()).isEqualTo(before);
            assertThat(emulator.faults().list()).isEmpty();
            assertThat(emulator.clock().mode().name()).isEqualTo("MANUAL");
        }

        @Test
        void aForeignOriginIsRefusedWhateverTheRequest() {
            long before = emulator.clock().millis();
            for (RawHttp.Request request : List.of(
                    post("/_emulator/clock/advance?by=PT1H", "application/json", ""),
                    post("/_emulator/clock/advance?by=PT1H", "text/plain", ""),
                    post("/_ns/other/_emulator/reset", "application/json", ""),
                    RawHttp.Request.of("GET", "/_emulator/journal"),
                    RawHttp.Request.of("GET", "/_emulator/jobserver/settings"),
                    RawHttp.Request.of("DELETE", "/_emulator/faults"))) {
                RawHttp.Response answer = http.send(request.withHeader("Origin", PAGE));

                assertThat(answer.status()).as(request.toString()).isEqualTo(403);
                assertThat(answer.text()).isEqualTo("{\"error\":\"control requests from web pages are refused; "
                        + "origin http://evil.example is not allowed (start the emulator with --control-allow-origin"
                        + " to allow it)\"}");
                assertThat(answer.header("Access-Control-Allow-Origin")).isNull();
            }
            RawHttp.Response nullOrigin = http.send(post("/_emulator/clock/advance?by=PT1H", "application/json", "")
                    .withHeader("Origin", "null"));
            assertThat(nullOrigin.status()).as("a sandboxed page's origin").isEqualTo(403);
            assertThat(emulator.clock().millis()).isEqualTo(before);
        }

        @Test
        void aPreflightFromAForeignPageFailsSoTheRealRequestIsNeverSent() {
            RawHttp.Response preflight = http.send(RawHttp.Request.of("OPTIONS", "/_emulator/reset")
                    .withHeader("Origin", PAGE).withHeader("Access-Control-Request-Method", "POST")
                    .withHeader("Access-Control-Request-Headers", "content-type"));

            assertThat(preflight.status()).isEqualTo(403);
            assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
        }

        @Test
        void jsonOrAnEmulatorHeaderLetsAToolChangeState() {
            long before = emulator.clock().millis();

            RawHttp.Response json = http.send(post("/_emulator/clock/advance?by=PT1S",
                    "Application/JSON; charset=utf-8", ""));
            RawHttp.Response header = http.send(post("/_emulator/clock/advance?by=PT1S", null, "")
                    .withHeader("X-Emulator-Namespace", "default"));
            RawHttp.Response delete = http.send(RawHttp.Request.of("DELETE", "/_emulator/faults")
                    .withHeader("Content-Type", "application/json"));

            assertThat(json.status()).as(json.toString()).isEqualTo(200);
            assertThat(header.status()).as(header.toString()).isEqualTo(200);
            assertThat(delete.status()).isEqualTo(200);
            assertThat(emulator.clock().millis()).isEqualTo(before + 2000);
            assertThat(http.send(RawHttp.Request.of("GET", "/_emulator/clock")).status()).as("reads need neither")
                    .isEqualTo(200);
        }

        @Test
        void aPageRebindingItsNameOntoTheLoopbackEmulatorIsRefused() {
            long before = emulator.clock().millis();
            RawHttp.Response rebound = http.send(RawHttp.Request.of("GET", "/_emulator/journal")
                    .withHeader("Host", "evil.example:8081"));
            RawHttp.Response reboundPost = http.send(post("/_emulator/clock/advance?by=PT1H", "application/json", "")
                    .withHeader("Host", "attacker.test"));

            assertThat(rebound.status()).isEqualTo(403);
            assertThat(rebound.text()).isEqualTo("{\"error\":\"this emulator listens on loopback only, so its control"
                    + " API answers only requests that name it by IP address or localhost, not evil.example:8081\"}");
            assertThat(reboundPost.status()).isEqualTo(403);
            assertThat(emulator.clock().millis()).isEqualTo(before);
            for (String host : List.of("localhost:8081", "LOCALHOST", "app.localhost:3000", "127.0.0.1",
                    "[::1]:8081")) {
                assertThat(http.send(RawHttp.Request.of("GET", "/_emulator/clock").withHeader("Host", host)).status())
                        .as(host).isEqualTo(200);
            }
            assertThat(http.send(RawHttp.Request.of("GET", "/overview").withHeader("Host", "evil.example")).status())
                    .as("the emulated APIs answer any name, as the real servers do").isEqualTo(200);
        }

        @Test
        void anotherSitesImageOrScriptGetIsRefusedAndCreatesNoNamespace() {
            RawHttp.Response image = http.send(RawHttp.Request.of("GET", "/_emulator/journal")
                    .withHeader("Sec-Fetch-Site", "cross-site").withHeader("Sec-Fetch-Mode", "no-cors"));
            RawHttp.Response controlInNewNamespace = http.send(RawHttp.Request.of("GET", "/_ns/evil-1/_emulator/health")
                    .withHeader("Sec-Fetch-Site", "same-site"));
            RawHttp.Response apiInNewNamespace = http.send(RawHttp.Request.of("GET", "/_ns/evil-2/overview")
                    .withHeader("Sec-Fetch-Site", "cross-site"));

            assertThat(image.status()).isEqualTo(403);
            assertThat(image.text()).isEqualTo("{\"error\":\"control requests from web pages are refused; this one came"
                    + " from another site's page (Sec-Fetch-Site: cross-site)\"}");
            assertThat(controlInNewNamespace.status()).isEqualTo(403);
            assertThat(apiInNewNamespace.status()).isEqualTo(403);
            assertThat(apiInNewNamespace.text()).isEqualTo("{\"error\":\"namespaces are not created by requests from"
                    + " another site's page; create evil-2 from a test or tool first\"}");
            assertThat(http.send(RawHttp.Request.of("GET", "/_emulator/namespaces")).text())
                    .isEqualTo("{\"namespaces\":[\"default\"]}");
            assertThat(http.send(RawHttp.Request.of("GET", "/overview").withHeader("Sec-Fetch-Site", "cross-site"))
                    .status()).as("the emulated APIs answer pages, as the real servers do").isEqualTo(200);
            for (String site : List.of("none", "same-origin")) {
                assertThat(http.send(RawHttp.Request.of("GET", "/_emulator/clock").withHeader("Sec-Fetch-Site", site))
                        .status()).as(site).isEqualTo(200);
            }
        }

        @Test
        void theJournalShowsNoSecret() {
            RawHttp jobserver = new RawHttp(emulator.jobserverUrl(), 10_000);
            jobserver.send(RawHttp.Request.of("GET", "/jobs?limit=5&password=hunter2")
                    .withHeader("Authorization", "Basic YWRtaW46aHVudGVyMg=="));

            String journal = http.send(RawHttp.Request.of("GET", "/_emulator/journal?api=jobserver")).text();

            assertThat(journal).contains("\"query\":\"limit=5&password=<redacted>\"").doesNotContain("hunter2")
                    .doesNotContain("YWRtaW46aHVudGVyMg");
        }

        @Test
        void theEmulatedApisThemselvesAreNotGuarded() {
            RawHttp.Response flinkOverview = http.send(RawHttp.Request.of("GET", "/overview").withHeader("Origin",
                    PAGE));

            assertThat(flinkOverview.status()).isEqualTo(200);
        }

        @Test
        void aNamespaceNeitherListsNorDeletesOthers() {
            TestHttp root = new TestHttp(emulator.flinkUrl());
            assertThat(root.post("/_ns/victim/_emulator/clock/advance?by=PT1M", null).status()).isEqualTo(200);
            long victimTime = emulator.namespace("victim").context().clock().millis();

            List<RawHttp.Response> attempts = List.of(
                    http.send(RawHttp.Request.of("GET", "/_ns/attacker/_emulator/namespaces")),
                    http.send(RawHttp.Request.of("DELETE", "/_ns/attacker/_emulator/namespaces/victim")
                            .withHeader("Content-Type", "application/json")),
                    http.send(RawHttp.Request.of("DELETE", "/_emulator/namespaces/victim")
                            .withHeader("X-Emulator-Namespace", "attacker")),
                    http.send(RawHttp.Request.of("DELETE", "/_ns/attacker/_emulator/namespaces/attacker")
                            .withHeader("Content-Type", "application/json")));

            for (RawHttp.Response attempt : attempts) {
                assertThat(attempt.status()).as(attempt.toString()).isEqualTo(403);
                assertThat(attempt.text()).isEqualTo("{\"error\":\"namespaces are listed and deleted only through the"
                        + " root control API (the default namespace's: no X-Emulator-Namespace header or /_ns/"
                        + " prefix)\"}");
            }
            assertThat(root.get("/_emulator/namespaces").json().path("namespaces").toString())
                    .isEqualTo("[\"default\",\"victim\",\"attacker\"]");
            assertThat(emulator.namespace("victim").context().clock().millis()).as("the victim's state is intact")
                    .isEqualTo(victimTime);
            assertThat(root.delete("/_emulator/namespaces/victim").status()).isEqualTo(200);
            assertThat(root.get("/_emulator/namespaces").json().path("namespaces").toString())
                    .isEqualTo("[\"default\",\"attacker\"]");
        }
    }

    @Nested
    class WithAToken extends Scenario {

        private static final String TOKEN = "s3cr3t-control-token";

        @Override
        EmulatorConfig config() {
            return EmulatorConfig.forTests().withControlAccess(ControlAccess.LOCAL_ONLY.withToken(TOKEN));
        }

        @Test
        void everyControlRequestOnEveryPortNeedsIt() {
            long before = emulator.clock().millis();
            for (String url : List.of(emulator.flinkUrl(), emulator.jobserverUrl(), emulator.streamkapUrl())) {
                RawHttp port = new RawHttp(url, 10_000);
                for (RawHttp.Request request : List.of(RawHttp.Request.of("GET", "/_emulator/health"),
                        RawHttp.Request.of("GET", "/_ns/x/_emulator/journal"),
                        RawHttp.Request.of("GET", "/_emulator/nowhere"),
                        post("/_emulator/clock/advance?by=PT1H", "application/json", ""))) {
                    for (RawHttp.Request variant : List.of(request,
                            request.withHeader("X-Emulator-Control-Token", "guess"),
                            request.withHeader("X-Emulator-Control-Token", TOKEN.toUpperCase()),
                            request.withHeader("X-Emulator-Control-Token", TOKEN + "x"),
                            request.withHeader("X-Emulator-Control-Token", "guess")
                                    .withHeader("X-Emulator-Control-Token", TOKEN),
                            request.withHeader("Authorization", "Bearer " + TOKEN))) {
                        RawHttp.Response answer = port.send(variant);

                        assertThat(answer.status()).as(variant.toString()).isEqualTo(401);
                        assertThat(answer.text()).isEqualTo("{\"error\":\"this emulator's control API needs its "
                                + "control token in the X-Emulator-Control-Token header\"}");
                    }
                }
            }
            assertThat(emulator.clock().millis()).isEqualTo(before);
        }

        @Test
        void theRightTokenIsAllAControlRequestNeeds() {
            RawHttp.Response health = http.send(RawHttp.Request.of("GET", "/_emulator/health")
                    .withHeader("X-Emulator-Control-Token", TOKEN));
            RawHttp.Response advance = http.send(post("/_emulator/clock/advance?by=PT1S", null, "")
                    .withHeader("x-emulator-control-token", TOKEN));

            assertThat(health.status()).isEqualTo(200);
            assertThat(advance.status()).as("the token header needs a preflight too").isEqualTo(200);
            assertThat(http.send(RawHttp.Request.of("GET", "/overview")).status()).as("the APIs need none")
                    .isEqualTo(200);
        }

        @Test
        void theTokenIsNeverEchoed() {
            RawHttp.Response wrong = http.send(RawHttp.Request.of("GET", "/_emulator/health")
                    .withHeader("X-Emulator-Control-Token", "guess"));
            RawHttp.Response journal = http.send(RawHttp.Request.of("GET", "/_emulator/journal")
                    .withHeader("X-Emulator-Control-Token", TOKEN));

            assertThat(wrong.text()).doesNotContain(TOKEN).doesNotContain("guess");
            assertThat(journal.text()).doesNotContain(TOKEN);
            assertThat(emulator.config().toString()).doesNotContain(TOKEN);
        }
    }

    @Nested
    class WithAnAllowedOrigin extends Scenario {

        private static final String TOOL = "http://localhost:3000";

        @Override
        EmulatorConfig config() {
            return EmulatorConfig.forTests().withControlAccess(ControlAccess.LOCAL_ONLY.withAllowedOrigins(
                    List.of(TOOL)));
        }

        @Test
        void itsPagesPassThePreflightAndReadTheAnswers() {
            RawHttp.Response preflight = http.send(RawHttp.Request.of("OPTIONS", "/_emulator/clock/advance")
                    .withHeader("Origin", TOOL).withHeader("Access-Control-Request-Method", "POST")
                    .withHeader("Access-Control-Request-Headers", "content-type"));
            RawHttp.Response advance = http.send(post("/_emulator/clock/advance?by=PT1S", "application/json", "")
                    .withHeader("Origin", TOOL));

            assertThat(preflight.status()).isEqualTo(204);
            assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(TOOL);
            assertThat(preflight.header("Access-Control-Allow-Methods")).contains("POST");
            assertThat(preflight.header("Access-Control-Allow-Headers")).contains("Content-Type");
            assertThat(advance.status()).isEqualTo(200);
            assertThat(advance.header("Access-Control-Allow-Origin")).isEqualTo(TOOL);
        }

        @Test
        void itsSimpleRequestsStillChangeNothingAndOtherOriginsStayOut() {
            RawHttp.Response simple = http.send(post("/_emulator/reset", "text/plain", "").withHeader("Origin", TOOL));
            RawHttp.Response other = http.send(post("/_emulator/reset", "application/json", "")
                    .withHeader("Origin", "http://localhost:3001"));

            assertThat(simple.status()).isEqualTo(415);
            assertThat(other.status()).isEqualTo(403);
        }
    }
}
