package io.jobemu.streamkap.auth;

import io.jobemu.core.http.Call;
import io.jobemu.streamkap.fastapi.FastApi;

/**
 * The check every endpoint but the token ones makes, as Frontegg's FastAPI dependency makes it: the token is the
 * {@code Authorization} header with every {@code "Bearer "} removed; no header, or a token that is unknown or
 * expired, is 401 {@code {"detail":"Unauthenticated"}}. (Frontegg's {@code x-api-key} fallback is not emulated.)
 */
public final class BearerAuth {

    static final String UNAUTHENTICATED = "Unauthenticated";

    private final AccessTokens tokens;

    public BearerAuth(AccessTokens tokens) {
        this.tokens = tokens;
    }

    /** The API client the request acts for. */
    public String clientId(Call call) {
        String token = call.header("Authorization").map(header -> header.replace("Bearer ", ""))
                .orElseThrow(BearerAuth::unauthenticated);
        return tokens.clientOf(token).orElseThrow(BearerAuth::unauthenticated);
    }

    private static RuntimeException unauthenticated() {
        return FastApi.error(401, UNAUTHENTICATED);
    }
}
