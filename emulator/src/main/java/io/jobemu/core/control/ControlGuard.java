package io.jobemu.core.control;

import io.undertow.util.HeaderMap;
import io.undertow.util.HeaderValues;
import io.undertow.util.HttpString;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides whether a control request ({@code /_emulator/...}) may run, before its namespace, body or handler is
 * touched, so that a web page open in the developer's browser cannot drive the emulator:
 * <ol>
 *   <li>on an emulator bound to loopback, a request must name it by IP address or {@code localhost} in its
 *       {@code Host} header: a DNS name that resolves to loopback is how a page "rebinds" itself onto the emulator
 *       and gets same-origin access;</li>
 *   <li>a request with an {@code Origin} header (which browsers add to cross-origin requests) is refused unless
 *       that origin is allowed; an allowed origin gets CORS answers, preflights included; so is one that a browser
 *       marks as made by another site's page ({@code Sec-Fetch-Site}), such as an image's GET, which carries no
 *       {@code Origin};</li>
 *   <li>when a control token is configured, every control request must carry it in {@value #TOKEN_HEADER};</li>
 *   <li>a state-changing request (any method but GET, HEAD and OPTIONS) needs {@code Content-Type:
 *       application/json} or an {@code X-Emulator-*} header: a cross-origin page can send neither without a CORS
 *       preflight, which only allowed origins pass.</li>
 * </ol>
 */
public final class ControlGuard {

    public static final String TOKEN_HEADER = "X-Emulator-Control-Token";
    /** The prefix of the emulator's own request headers; none is CORS-safelisted. */
    private static final String OWN_HEADER_PREFIX = "x-emulator-";
    /** Allows every origin, for {@code --control-allow-origin}. */
    public static final String ANY_ORIGIN = "*";

    private static final String SEC_FETCH_SITE = "Sec-Fetch-Site";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final String JSON = "application/json";
    private static final String ALLOWED_METHODS = "GET, HEAD, POST, PUT, PATCH, DELETE";
    private static final String ALLOWED_HEADERS = "Content-Type, X-Emulator-Namespace, " + TOKEN_HEADER;
    private static final Pattern IP_LITERAL_HOST =
            Pattern.compile("(\\d{1,3}(\\.\\d{1,3}){3}|\\[[0-9A-Fa-f:.]+])(:\\d+)?");
    /** Browsers resolve {@code localhost} and its subdomains to loopback themselves, never through DNS. */
    private static final Pattern LOCALHOST = Pattern.compile("(?i)([a-z0-9-]+\\.)*localhost(:\\d+)?");

    /** What to do with one request. */
    public sealed interface Decision {
        /** Headers to add to the response (CORS for an allowed origin). */
        Map<String, String> responseHeaders();

        /** Serve the request. */
        record Admit(Map<String, String> responseHeaders) implements Decision {
        }

        /** Answer at once, without running the request. */
        record Answer(int status, String error, Map<String, String> responseHeaders) implements Decision {
        }
    }

    private final Optional<byte[]> token;
    private final List<String> allowedOrigins;
    private final boolean loopbackBound;

    /** @param loopbackBound whether the emulator listens on a loopback address only (the default) */
    public ControlGuard(ControlAccess access, boolean loopbackBound) {
        this.token = access.token().map(value -> value.getBytes(StandardCharsets.UTF_8));
        this.allowedOrigins = access.allowedOrigins();
        this.loopbackBound = loopbackBound;
    }

    public Decision check(String method, HeaderMap headers) {
        String host = headers.getFirst("Host");
        if (loopbackBound && host != null && !IP_LITERAL_HOST.matcher(host).matches()
                && !LOCALHOST.matcher(host).matches()) {
            return new Decision.Answer(403, "this emulator listens on loopback only, so its control API answers only"
                    + " requests that name it by IP address or localhost, not " + host, Map.of());
        }
        Map<String, String> cors = Map.of();
        HeaderValues origins = headers.get("Origin");
        if ((origins == null || origins.isEmpty()) && fromAnotherSitesPage(headers)) {
            return new Decision.Answer(403, "control requests from web pages are refused; this one came from another"
                    + " site's page (Sec-Fetch-Site: " + headers.getFirst(SEC_FETCH_SITE) + ")", Map.of());
        }
        if (origins != null && !origins.isEmpty()) {
            String origin = origins.getFirst();
            if (origins.size() > 1 || !allows(origin)) {
                return new Decision.Answer(403, "control requests from web pages are refused; origin " + origin
                        + " is not allowed (start the emulator with --control-allow-origin to allow it)", Map.of());
            }
            cors = Map.of("Access-Control-Allow-Origin", origin, "Vary", "Origin");
            if (method.equals("OPTIONS") && headers.contains("Access-Control-Request-Method")) {
                // a preflight carries no credentials of its own: the real request that follows is checked in full
                Map<String, String> preflight = new LinkedHashMap<>(cors);
                preflight.put("Access-Control-Allow-Methods", ALLOWED_METHODS);
                preflight.put("Access-Control-Allow-Headers", ALLOWED_HEADERS);
                preflight.put("Access-Control-Max-Age", "600");
                return new Decision.Answer(204, null, preflight);
            }
        }
        if (token.isPresent() && !carriesToken(headers.get(TOKEN_HEADER))) {
            return new Decision.Answer(401, "this emulator's control API needs its control token in the "
                    + TOKEN_HEADER + " header", cors);
        }
        if (!SAFE_METHODS.contains(method) && !isJson(headers.getFirst("Content-Type")) && !hasOwnHeader(headers)) {
            return new Decision.Answer(415, method + " control requests need Content-Type: application/json (or an"
                    + " X-Emulator-* header), so that no web page can send them", cors);
        }
        return new Decision.Admit(cors);
    }

    /**
     * Whether a browser says another site's page made the request: {@code Sec-Fetch-Site} is {@code cross-site} or
     * {@code same-site} (another port of localhost is another origin but the same site). Tools send no such header.
     */
    public static boolean fromAnotherSitesPage(HeaderMap headers) {
        String site = headers.getFirst(SEC_FETCH_SITE);
        return site != null && !site.equalsIgnoreCase("same-origin") && !site.equalsIgnoreCase("none");
    }

    private boolean allows(String origin) {
        return allowedOrigins.contains(ANY_ORIGIN) || allowedOrigins.stream().anyMatch(origin::equalsIgnoreCase);
    }

    /** Exactly one token header, equal to the token (compared in constant time, so timing tells nothing). */
    private boolean carriesToken(HeaderValues values) {
        return values != null && values.size() == 1
                && MessageDigest.isEqual(values.getFirst().getBytes(StandardCharsets.UTF_8), token.orElseThrow());
    }

    /** The media type, parameters aside: {@code application/json; charset=UTF-8} is JSON, {@code text/plain} not. */
    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String mediaType = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip();
        return mediaType.toLowerCase(Locale.ROOT).equals(JSON);
    }

    private static boolean hasOwnHeader(HeaderMap headers) {
        for (HttpString name : headers.getHeaderNames()) {
            if (name.toString().toLowerCase(Locale.ROOT).startsWith(OWN_HEADER_PREFIX)) {
                return true;
            }
        }
        return false;
    }
}
