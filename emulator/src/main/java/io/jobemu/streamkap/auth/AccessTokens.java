package io.jobemu.streamkap.auth;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.jobemu.core.clock.EmulatorClock;
import io.jobemu.core.http.Json;
import io.jobemu.core.ids.IdGenerator;
import io.jobemu.streamkap.StreamkapCredentials;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The access and refresh tokens the emulated Streamkap has issued, on the emulator clock. Access tokens are
 * JWT-shaped (a client can read {@code exp}); the emulator recognises them by lookup, not by signature. A refresh
 * token is good for one refresh; the access tokens issued before stay valid until they expire. Thread-safe.
 */
public final class AccessTokens {

    /** Frontegg's default access-token lifetime (Streamkap's is not documented). */
    public static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofDays(1);
    /** Frontegg's default refresh-token lifetime. */
    public static final Duration REFRESH_TOKEN_LIFETIME = Duration.ofDays(30);

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final String JWT_HEADER = BASE64URL.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}"
            .getBytes(UTF_8));

    /** An issued token: who it identifies and when it stops working. */
    public record Token(String value, String clientId, long issuedAt, long expiresAt) {
        public boolean validAt(long now) {
            return now < expiresAt;
        }
    }

    /** An access token with its refresh token, as the token endpoints answer. */
    public record Grant(Token access, Token refresh) {
    }

    private final EmulatorClock clock;
    private final IdGenerator ids;
    private final StreamkapCredentials credentials;
    private final String tenantId;
    private final Map<String, Token> accessTokens = new HashMap<>();
    private final Map<String, Token> refreshTokens = new HashMap<>();

    public AccessTokens(EmulatorClock clock, IdGenerator ids, StreamkapCredentials credentials) {
        this.clock = clock;
        this.ids = ids;
        this.credentials = credentials;
        this.tenantId = ids.uuid().toString();
    }

    /** Exchanges the API client's credentials; empty when they are not the configured pair. */
    public Optional<Grant> exchange(String clientId, String secret) {
        if (!credentials.clientId().equals(clientId) || !credentials.secret().equals(secret)) {
            return Optional.empty();
        }
        return Optional.of(issue(clientId));
    }

    /** Spends a refresh token on a new grant; empty when it is unknown, spent or expired. */
    public synchronized Optional<Grant> refresh(String refreshToken) {
        Token token = refreshTokens.remove(refreshToken);
        if (token == null || !token.validAt(clock.millis())) {
            return Optional.empty();
        }
        return Optional.of(issue(token.clientId()));
    }

    /** The client an unexpired access token belongs to. */
    public synchronized Optional<String> clientOf(String accessToken) {
        Token token = accessTokens.get(accessToken);
        return token != null && token.validAt(clock.millis()) ? Optional.of(token.clientId()) : Optional.empty();
    }

    /** The emulator clock's time, against which tokens expire. */
    public long now() {
        return clock.millis();
    }

    /** Every access token still remembered (expired ones are forgotten a while after they expire), oldest first. */
    public synchronized List<Token> accessTokens() {
        List<Token> tokens = new ArrayList<>(accessTokens.values());
        tokens.sort(Comparator.comparingLong(Token::issuedAt));
        return tokens;
    }

    /** Makes every issued token unknown, as if the tenant's sessions were revoked. */
    public synchronized void reset() {
        accessTokens.clear();
        refreshTokens.clear();
    }

    private synchronized Grant issue(String clientId) {
        long now = clock.millis();
        forgetExpired(now);
        Token access = new Token(jwt(clientId, now), clientId, now, now + ACCESS_TOKEN_LIFETIME.toMillis());
        Token refresh = new Token(ids.uuid().toString(), clientId, now, now + REFRESH_TOKEN_LIFETIME.toMillis());
        accessTokens.put(access.value(), access);
        refreshTokens.put(refresh.value(), refresh);
        return new Grant(access, refresh);
    }

    /** Keeps the stores bounded: a token expired for longer than a refresh token lives is never asked about. */
    private void forgetExpired(long now) {
        long horizon = now - REFRESH_TOKEN_LIFETIME.toMillis();
        accessTokens.values().removeIf(t -> t.expiresAt() < horizon);
        refreshTokens.values().removeIf(t -> !t.validAt(now));
    }

    private String jwt(String clientId, long now) {
        long issuedAt = now / 1000;
        String claims = Json.object()
                .put("sub", clientId)
                .put("tenantId", tenantId)
                .put("type", "tenantApiToken")
                .put("iat", issuedAt)
                .put("exp", issuedAt + ACCESS_TOKEN_LIFETIME.toSeconds())
                .put("jti", ids.uuid().toString())
                .toString();
        byte[] signature = ids.hex(64).getBytes(UTF_8);
        return JWT_HEADER + "." + BASE64URL.encodeToString(claims.getBytes(UTF_8)) + "."
                + BASE64URL.encodeToString(signature);
    }
}
