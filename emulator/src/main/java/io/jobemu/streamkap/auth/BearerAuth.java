package io.jobemu.streamkap.auth;

import io.jobemu.core.http.ApiError;
import io.jobemu.core.http.Call;
import io.jobemu.streamkap.fastapi.FastApi;
import java.util.Optional;

/**
 * The check every endpoint but the token ones makes, as FastAPI's {@code HTTPBearer} makes it: the
 * {@code Authorization} header is split at its first space into a scheme, which must be {@code bearer} in any case,
 * and credentials, stripped of surrounding whitespace, which must not be empty. No header, or one that does not
 * parse so, is FastAPI's 401 {@code {"detail":"Not authenticated"}} with {@code WWW-Authenticate: Bearer}; a token
 * that is unknown or expired is the service's own 401 {@code {"detail":"Unauthenticated"}}. (Frontegg's
 * {@code x-api-key} fallback is not emulated.)
 */
public final class BearerAuth {

    static final String UNAUTHENTICATED = "Unauthenticated";
    static final String NOT_AUTHENTICATED = "Not authenticated";

    private final AccessTokens tokens;

    public BearerAuth(AccessTokens tokens) {
        this.tokens = tokens;
    }

    /** The API client the request acts for. */
    public String clientId(Call call) {
        String token = credentials(call.header("Authorization")).orElseThrow(BearerAuth::notAuthenticated);
        return tokens.clientOf(token).orElseThrow(() -> FastApi.error(401, UNAUTHENTICATED));
    }

    /**
     * {@code get_authorization_scheme_param} and {@code HTTPBearer.__call__}: the credentials of a bearer header,
     * or empty when FastAPI refuses the header before the service sees it.
     */
    static Optional<String> credentials(Optional<String> header) {
        if (header.isEmpty() || header.get().isEmpty()) {
            return Optional.empty();
        }
        String value = header.get();
        int space = value.indexOf(' ');
        String scheme = space < 0 ? value : value.substring(0, space);
        String credentials = space < 0 ? "" : PythonStrings.strip(value.substring(space + 1));
        if (scheme.isEmpty() || credentials.isEmpty() || !scheme.equalsIgnoreCase("bearer")) {
            return Optional.empty();
        }
        return Optional.of(credentials);
    }

    private static ApiError notAuthenticated() {
        return new ApiError(FastApi.detail(401, NOT_AUTHENTICATED).withHeader("WWW-Authenticate", "Bearer"));
    }
}
