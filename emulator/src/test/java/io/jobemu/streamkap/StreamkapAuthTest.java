package io.jobemu.streamkap;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobemu.core.http.Json;
import io.jobemu.streamkap.auth.AccessTokens;
import io.jobemu.testing.HttpResult;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Access tokens: the exchange, the refresh, and the bearer check every other endpoint makes. */
class StreamkapAuthTest extends StreamkapTest {

    private static final String CREDENTIALS = "{\"client_id\":\"jobemu-client-id\",\"secret\":\"jobemu-secret\"}";
    private static final String UNAUTHENTICATED = "{\"detail\":\"Unauthenticated\"}";
    private static final String NOT_AUTHENTICATED = "{\"detail\":\"Not authenticated\"}";

    @Test
    void credentialsBuyAnAccessTokenThatExpiresOnTheEmulatorClock() throws Exception {
        long now = emulator.clock().millis();

        HttpResult result = api.postJson("/auth/access-token", CREDENTIALS);

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.header("content-type")).isEqualTo("application/json");
        JsonNode grant = result.json();
        assertThat(grant.fieldNames()).toIterable().containsExactly("expires", "expiresIn", "accessToken",
                "refreshToken");
        assertThat(grant.path("expiresIn").isInt()).isTrue();
        assertThat(grant.path("expiresIn").asLong()).isEqualTo(AccessTokens.ACCESS_TOKEN_LIFETIME.toSeconds());
        Instant expires = ZonedDateTime.parse(grant.path("expires").asText(), DateTimeFormatter.RFC_1123_DATE_TIME)
                .toInstant();
        assertThat(expires.toEpochMilli() / 1000).isEqualTo((now + AccessTokens.ACCESS_TOKEN_LIFETIME.toMillis()) / 1000);
        String[] jwt = grant.path("accessToken").asText().split("\\.");
        assertThat(jwt).hasSize(3);
        JsonNode claims = Json.MAPPER.readTree(Base64.getUrlDecoder().decode(jwt[1]));
        assertThat(claims.path("sub").asText()).isEqualTo("jobemu-client-id");
        assertThat(claims.path("exp").asLong()).isEqualTo(expires.getEpochSecond());
        assertThat(grant.path("refreshToken").asText()).isNotBlank();
        assertThat(api.get("/flink_jobs", grant.path("accessToken").asText()).status()).isEqualTo(200);
    }

    @Test
    void wrongCredentialsAreRefused() {
        for (String body : List.of("{\"client_id\":\"jobemu-client-id\",\"secret\":\"nope\"}",
                "{\"client_id\":\"someone\",\"secret\":\"jobemu-secret\"}")) {
            HttpResult result = api.postJson("/auth/access-token", body);

            assertThat(result.status()).isEqualTo(401);
            assertThat(result.body()).isEqualTo("{\"detail\":\"Invalid client credentials\"}");
        }
    }

    @Test
    void configuredCredentialsReplaceTheDefaultPair() throws Exception {
        emulator.close();
        emulator = io.jobemu.Emulator.start(config().withStreamkapCredentials(
                new StreamkapCredentials("ci-client", "ci-secret")));
        api = new StreamkapClient(emulator.streamkapUrl());

        assertThat(api.postJson("/auth/access-token", CREDENTIALS).status()).isEqualTo(401);
        assertThat(api.postJson("/auth/access-token", "{\"client_id\":\"ci-client\",\"secret\":\"ci-secret\"}")
                .status()).isEqualTo(200);
    }

    @Test
    void projectKeyFileBuysATokenRawOrBase64() {
        String keyFile = "{\"api\":{\"client_id\":\"jobemu-client-id\",\"client_secret\":\"jobemu-secret\"},"
                + "\"kafka\":{\"username\":\"u\"}}";
        String base64 = Base64.getEncoder().encodeToString(keyFile.getBytes(UTF_8));

        for (String key : List.of(keyFile, base64)) {
            HttpResult result = api.postJson("/auth/access-token",
                    Json.object().put("project_key", key).toString());
            assertThat(result.status()).as(result.body()).isEqualTo(200);
            assertThat(api.get("/flink_jobs", result.json().path("accessToken").asText()).status()).isEqualTo(200);
        }
    }

    @Test
    void projectKeyWithoutApiCredentialsIsRefused() {
        HttpResult kafkaOnly = api.postJson("/auth/access-token", Json.object().put("project_key",
                "{\"kafka\":{\"username\":\"u\",\"password\":\"p\"}}").toString());
        HttpResult garbage = api.postJson("/auth/access-token", "{\"project_key\":\"%%%\"}");

        assertThat(kafkaOnly.status()).isEqualTo(400);
        assertThat(kafkaOnly.body()).isEqualTo("{\"detail\":\"The project key holds no API credentials\"}");
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(garbage.body()).isEqualTo("{\"detail\":\"Invalid project key\"}");
    }

    @Test
    void missingBodyIsAValidationError() {
        HttpResult result = api.postJson("/auth/access-token", null);

        assertThat(result.status()).isEqualTo(422);
        assertThat(result.body()).isEqualTo(
                "{\"detail\":[{\"type\":\"missing\",\"loc\":[\"body\"],\"msg\":\"Field required\",\"input\":null}]}");
    }

    @Test
    void bodyWithoutCredentialsFailsTheModelValidator() {
        HttpResult result = api.postJson("/auth/access-token", "{\"client_id\":\"jobemu-client-id\"}");

        assertThat(result.status()).isEqualTo(422);
        assertThat(result.body()).isEqualTo("{\"detail\":[{\"type\":\"value_error\",\"loc\":[\"body\"],"
                + "\"msg\":\"Value error, Provide either client_id and secret, or project_key\","
                + "\"input\":{\"client_id\":\"jobemu-client-id\"},\"ctx\":{\"error\":{}}}]}");
    }

    @Test
    void nonStringCredentialsAreStringTypeErrors() {
        HttpResult result = api.postJson("/auth/access-token", "{\"client_id\":42,\"secret\":[\"x\"]}");

        assertThat(result.status()).isEqualTo(422);
        assertThat(result.body()).isEqualTo("{\"detail\":["
                + "{\"type\":\"string_type\",\"loc\":[\"body\",\"client_id\"],\"msg\":\"Input should be a valid "
                + "string\",\"input\":42},"
                + "{\"type\":\"string_type\",\"loc\":[\"body\",\"secret\"],\"msg\":\"Input should be a valid "
                + "string\",\"input\":[\"x\"]}]}");
    }

    @Test
    void bodyThatIsNotAnObjectIsAModelError() {
        HttpResult result = api.postJson("/auth/access-token", "[1, 2]");

        assertThat(result.status()).isEqualTo(422);
        assertThat(result.body()).isEqualTo("{\"detail\":[{\"type\":\"model_attributes_type\",\"loc\":[\"body\"],"
                + "\"msg\":\"Input should be a valid dictionary or object to extract fields from\",\"input\":[1,2]}]}");
    }

    @Test
    void bodyWithAnotherContentTypeIsNotDecoded() {
        HttpResult result = api.send("POST", "/auth/access-token", Map.of(), CREDENTIALS.getBytes(UTF_8),
                "text/plain");

        assertThat(result.status()).isEqualTo(422);
        assertThat(result.json().path("detail").path(0).path("type").asText()).isEqualTo("model_attributes_type");
        assertThat(result.json().path("detail").path(0).path("input").asText()).isEqualTo(CREDENTIALS);
    }

    @Test
    void malformedJsonIsFastApisDecodeError() {
        HttpResult result = api.postJson("/auth/access-token", "{\"client_id\": \"a\",}");

        assertThat(result.status()).isEqualTo(422);
        assertThat(result.body()).isEqualTo("{\"detail\":[{\"type\":\"json_invalid\",\"loc\":[\"body\",18],"
                + "\"msg\":\"JSON decode error\",\"input\":{},"
                + "\"ctx\":{\"error\":\"Expecting property name enclosed in double quotes\"}}]}");
    }

    @Test
    void bodyThatCannotBeDecodedIsABadRequest() {
        HttpResult result = api.send("POST", "/auth/access-token", Map.of(), new byte[] {'{', (byte) 0xff, '}'},
                "application/json");

        assertThat(result.status()).isEqualTo(400);
        assertThat(result.body()).isEqualTo("{\"detail\":\"There was an error parsing the body\"}");
    }

    @Test
    void refreshTradesTheRefreshTokenForANewPair() {
        JsonNode first = api.postJson("/auth/access-token", CREDENTIALS).json();
        String refreshBody = Json.object().put("refresh_token", first.path("refreshToken").asText()).toString();
        advance(Duration.ofHours(1));

        HttpResult refreshed = api.postJson("/auth/access-token/refresh", refreshBody);

        assertThat(refreshed.status()).isEqualTo(200);
        JsonNode second = refreshed.json();
        assertThat(second.fieldNames()).toIterable().containsExactly("expires", "expiresIn", "accessToken",
                "refreshToken");
        assertThat(second.path("accessToken").asText()).isNotEqualTo(first.path("accessToken").asText());
        assertThat(api.get("/flink_jobs", second.path("accessToken").asText()).status()).isEqualTo(200);
        // the old access token lives out its time; the refresh token is spent
        assertThat(api.get("/flink_jobs", first.path("accessToken").asText()).status()).isEqualTo(200);
        HttpResult again = api.postJson("/auth/access-token/refresh", refreshBody);
        assertThat(again.status()).isEqualTo(401);
        assertThat(again.body()).isEqualTo(UNAUTHENTICATED);
    }

    @Test
    void refreshedTokenOutlivesTheExpiredOne() {
        JsonNode first = api.postJson("/auth/access-token", CREDENTIALS).json();
        advance(AccessTokens.ACCESS_TOKEN_LIFETIME.minusMinutes(1));
        String refreshed = api.postJson("/auth/access-token/refresh",
                Json.object().put("refresh_token", first.path("refreshToken").asText()).toString())
                .json().path("accessToken").asText();

        advance(Duration.ofMinutes(2));

        assertThat(api.get("/flink_jobs", first.path("accessToken").asText()).status()).isEqualTo(401);
        assertThat(api.get("/flink_jobs", refreshed).status()).isEqualTo(200);
    }

    @Test
    void unknownOrExpiredRefreshTokenIsRefused() {
        String refreshToken = api.postJson("/auth/access-token", CREDENTIALS).json().path("refreshToken").asText();
        advance(AccessTokens.REFRESH_TOKEN_LIFETIME);

        for (String candidate : List.of(refreshToken, "not-a-refresh-token")) {
            HttpResult result = api.postJson("/auth/access-token/refresh",
                    Json.object().put("refresh_token", candidate).toString());
            assertThat(result.status()).isEqualTo(401);
            assertThat(result.body()).isEqualTo(UNAUTHENTICATED);
        }
    }

    @Test
    void refreshWithoutItsTokenIsAValidationError() {
        HttpResult result = api.postJson("/auth/access-token/refresh", "{\"refreshToken\":\"x\"}");

        assertThat(result.status()).isEqualTo(422);
        assertThat(result.body()).isEqualTo("{\"detail\":[{\"type\":\"missing\",\"loc\":[\"body\",\"refresh_token\"],"
                + "\"msg\":\"Field required\",\"input\":{\"refreshToken\":\"x\"}}]}");
    }

    @Test
    void everyOtherEndpointNeedsABearerToken() {
        String id = deploy("orders", MAIN_CLASS);
        List<HttpResult> anonymous = List.of(api.get("/flink_jobs", null), api.get("/flink_jobs/" + id, null),
                api.get("/flink_jobs/" + id + "/status", null), api.post("/flink_jobs/" + id + "/cancel", null),
                api.post("/flink_jobs/" + id + "/stop", null), api.delete("/flink_jobs/" + id, null),
                api.upload("/flink_jobs/jar", null, jarForm("x", MAIN_CLASS)),
                api.upload("/flink_jobs/pyflink", null, new Multipart().field("name", "x")),
                // unknown ids and invalid bodies are not looked at without a token
                api.get("/flink_jobs/unknown", null), api.upload("/flink_jobs/jar", null, new Multipart().field("parallelism", "x")));

        for (HttpResult result : anonymous) {
            assertThat(result.status()).as(result.body()).isEqualTo(401);
            assertThat(result.body()).isEqualTo(NOT_AUTHENTICATED);
            assertThat(result.header("www-authenticate")).isEqualTo("Bearer");
        }
        assertThat(status(id)).isEqualTo("CREATED");
    }

    @Test
    void headersHttpBearerRefusesAreNotAuthenticatedAndUnknownTokensUnauthenticated() {
        // FastAPI's HTTPBearer: the scheme is what comes before the first space, in any case
        for (String header : List.of("Bearer", "Token " + token, token, "Basic "
                + Base64.getEncoder().encodeToString("jobemu-client-id:jobemu-secret".getBytes(UTF_8)))) {
            HttpResult result = api.send("GET", "/flink_jobs", Map.of("Authorization", header), null, null);

            assertThat(result.status()).as(header).isEqualTo(401);
            assertThat(result.body()).isEqualTo(NOT_AUTHENTICATED);
            assertThat(result.header("www-authenticate")).isEqualTo("Bearer");
        }
        for (String header : List.of("Bearer " + token + "x", "Bearer Bearer " + token)) {
            HttpResult result = api.send("GET", "/flink_jobs", Map.of("Authorization", header), null, null);

            assertThat(result.status()).as(header).isEqualTo(401);
            assertThat(result.body()).isEqualTo(UNAUTHENTICATED);
            assertThat(result.header("www-authenticate")).isNull();
        }
    }

    @Test
    void theSchemeIsCaseInsensitive() {
        HttpResult result = api.send("GET", "/flink_jobs", Map.of("Authorization", "bearer " + token), null, null);

        assertThat(result.status()).isEqualTo(200);
    }

    @Test
    void expiredTokenIsUnauthenticated() {
        advance(AccessTokens.ACCESS_TOKEN_LIFETIME.minusSeconds(1));
        assertThat(api.get("/flink_jobs", token).status()).isEqualTo(200);

        advance(Duration.ofSeconds(1));

        HttpResult result = api.get("/flink_jobs", token);
        assertThat(result.status()).isEqualTo(401);
        assertThat(result.body()).isEqualTo(UNAUTHENTICATED);
    }

    @Test
    void controlApiListsAndRevokesTokens() {
        JsonNode listed = streamkap.get("/_emulator/streamkap/tokens").json().path("tokens");
        assertThat(listed.size()).isEqualTo(1);
        assertThat(listed.path(0).path("accessToken").asText()).as("the control API shows only the token's end")
                .isEqualTo("<redacted>" + token.substring(token.length() - 4));
        assertThat(listed.path(0).path("clientId").asText()).isEqualTo("jobemu-client-id");
        assertThat(listed.path(0).path("valid").asBoolean()).isTrue();

        assertThat(streamkap.delete("/_emulator/streamkap/tokens").json().path("tokens").isEmpty()).isTrue();

        assertThat(api.get("/flink_jobs", token).status()).isEqualTo(401);
    }
}
