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
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

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

    /** Access (and refresh) tokens remembered at most; the oldest go first. */
    static final int MAX_TOKENS = 50_000;
    /** What the remembered tokens of each kind may take of the heap. */
    static final long MAX_TOKEN_BYTES = 64L * 1024 * 1024;
    /** A map entry, a token record and two strings' headers. */
    private static final int ENTRY_OVERHEAD_BYTES = 160;

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
    private final TokenTable accessTokens = new TokenTable();
    private final TokenTable refreshTokens = new TokenTable();

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

    /** Tokens dropped, oldest first, to keep within {@link #MAX_TOKENS} and {@link #MAX_TOKEN_BYTES}. */
    public synchronized long forgotten() {
        return accessTokens.dropped + refreshTokens.dropped;
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
        accessTokens.put(access);
        refreshTokens.put(refresh);
        return new Grant(access, refresh);
    }

    /** Keeps the stores bounded: a token expired for longer than a refresh token lives is never asked about. */
    private void forgetExpired(long now) {
        long horizon = now - REFRESH_TOKEN_LIFETIME.toMillis();
        accessTokens.removeIf(t -> t.expiresAt() < horizon);
        refreshTokens.removeIf(t -> !t.validAt(now));
    }

    /**
     * Tokens by value in issue order, bounded in count and in bytes: a client that asks for tokens without the clock
     * moving (a manual clock) would otherwise fill the heap. Past a bound the oldest are forgotten, and counted.
     * Guarded by the enclosing instance.
     */
    private static final class TokenTable {
        private final Map<String, Token> tokens = new LinkedHashMap<>();
        private long bytes;
        private long dropped;

        Token get(String value) {
            return tokens.get(value);
        }

        Collection<Token> values() {
            return tokens.values();
        }

        void put(Token token) {
            Token replaced = tokens.put(token.value(), token);
            bytes += bytesOf(token) - (replaced == null ? 0 : bytesOf(replaced));
            for (Iterator<Token> oldest = tokens.values().iterator();
                    tokens.size() > MAX_TOKENS || bytes > MAX_TOKEN_BYTES; dropped++) {
                bytes -= bytesOf(oldest.next());
                oldest.remove();
            }
        }

        Token remove(String value) {
            Token removed = tokens.remove(value);
            if (removed != null) {
                bytes -= bytesOf(removed);
            }
            return removed;
        }

        void removeIf(Predicate<Token> expired) {
            for (Iterator<Token> all = tokens.values().iterator(); all.hasNext(); ) {
                Token token = all.next();
                if (expired.test(token)) {
                    bytes -= bytesOf(token);
                    all.remove();
                }
            }
        }

        void clear() {
            tokens.clear();
            bytes = 0;
        }

        /** The token's strings (two bytes a char) and the entry around them. */
        private static long bytesOf(Token token) {
            return 2L * (token.value().length() + token.clientId().length()) + ENTRY_OVERHEAD_BYTES;
        }
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
