package io.jobemu.streamkap.auth;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.jobemu.core.http.Call;
import io.jobemu.core.http.Json;
import io.jobemu.core.http.Response;
import io.jobemu.streamkap.StreamkapTime;
import io.jobemu.streamkap.fastapi.FastApi;
import io.jobemu.streamkap.fastapi.JsonBody;
import io.jobemu.streamkap.fastapi.Violations;
import java.util.Base64;
import java.util.Optional;

/**
 * {@code /auth/access-token} and its refresh: the only endpoints without a bearer token. Bad credentials and
 * unusable refresh tokens are 401s whose texts are not documented.
 */
public final class AuthHandlers {

    static final String INVALID_CREDENTIALS = "Invalid client credentials";
    static final String NO_API_CREDENTIALS = "The project key holds no API credentials";

    private final AccessTokens tokens;

    public AuthHandlers(AccessTokens tokens) {
        this.tokens = tokens;
    }

    /**
     * {@code POST /auth/access-token}: {@code client_id} + {@code secret}, or a {@code project_key} (the project key
     * file, raw JSON or base64) whose {@code api.client_id}/{@code api.client_secret} are exchanged instead.
     */
    public Response accessToken(Call call) throws Exception {
        Violations violations = new Violations();
        JsonBody body = JsonBody.read(call, violations);
        Optional<String> clientId = body.optionalString("client_id");
        Optional<String> secret = body.optionalString("secret");
        Optional<String> projectKey = body.optionalString("project_key");
        if (violations.isEmpty() && projectKey.isEmpty() && (clientId.isEmpty() || secret.isEmpty())) {
            violations.valueError("Provide either client_id and secret, or project_key", body.input(), "body");
        }
        violations.throwIfAny();
        Credentials credentials = projectKey.isPresent() ? fromProjectKey(projectKey.get())
                : new Credentials(clientId.get(), secret.get());
        return grant(tokens.exchange(credentials.clientId(), credentials.secret()), INVALID_CREDENTIALS);
    }

    /** {@code POST /auth/access-token/refresh}: {@code refresh_token}, which is then spent. */
    public Response refresh(Call call) throws Exception {
        Violations violations = new Violations();
        String refreshToken = JsonBody.read(call, violations).requiredString("refresh_token");
        violations.throwIfAny();
        return grant(tokens.refresh(refreshToken), BearerAuth.UNAUTHENTICATED);
    }

    private record Credentials(String clientId, String secret) {
    }

    /** A project key file holds {@code {"api": {"client_id", "client_secret"}, ...}}, maybe base64-encoded. */
    private static Credentials fromProjectKey(String projectKey) {
        JsonNode key = parseKey(projectKey).orElseGet(() -> decodeBase64(projectKey).flatMap(AuthHandlers::parseKey)
                .orElseThrow(() -> FastApi.error(400, "Invalid project key")));
        JsonNode api = key.path("api");
        if (!api.path("client_id").isTextual() || !api.path("client_secret").isTextual()) {
            throw FastApi.error(400, NO_API_CREDENTIALS);
        }
        return new Credentials(api.get("client_id").textValue(), api.get("client_secret").textValue());
    }

    private static Optional<JsonNode> parseKey(String text) {
        try {
            JsonNode node = Json.MAPPER.readTree(text);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> decodeBase64(String text) {
        try {
            return Optional.of(new String(Base64.getMimeDecoder().decode(text.strip()), UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The token answer, in the key order of the documented example. */
    private static Response grant(Optional<AccessTokens.Grant> grant, String refusal) {
        AccessTokens.Grant issued = grant.orElseThrow(() -> FastApi.error(401, refusal));
        AccessTokens.Token access = issued.access();
        return FastApi.json(200, Json.object()
                .put("expires", StreamkapTime.httpDate(access.expiresAt()))
                .put("expiresIn", (access.expiresAt() - access.issuedAt()) / 1000)
                .put("accessToken", access.value())
                .put("refreshToken", issued.refresh().value()));
    }
}
