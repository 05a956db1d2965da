package io.jobemu.contract.http;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * A curl command line that repeats a request. Credentials are never printed: the Authorization header becomes a
 * shell variable ({@code $TOKEN} or {@code $BASIC_AUTH}) the user sets, and file parts name a local file.
 */
public final class Curl {

    private Curl() {
    }

    public static String of(ApiClient client, Request request) {
        StringBuilder curl = new StringBuilder("curl -sS -i");
        if (!request.method().equals("GET") || request.body() != null) {
            curl.append(" -X ").append(request.method());
        }
        curl.append(' ').append(quote(client.uriOf(request).toString()));
        for (Map.Entry<String, String> header : client.effectiveHeaders(request).entrySet()) {
            curl.append(" -H ").append(header.getKey().equalsIgnoreCase(ApiClient.AUTHORIZATION)
                    ? authorizationPlaceholder(header.getValue())
                    : quote(header.getKey() + ": " + header.getValue()));
        }
        for (Part part : request.parts()) {
            String value = part.isFile()
                    ? "@" + part.fileName() + (part.contentType() == null ? "" : ";type=" + part.contentType())
                    : new String(part.content(), StandardCharsets.UTF_8);
            curl.append(" -F ").append(quote(part.name() + "=" + value));
        }
        if (request.body() != null) {
            curl.append(" --data-raw ").append(quote(request.bodyText()));
        }
        return curl.toString();
    }

    private static String authorizationPlaceholder(String value) {
        String scheme = value.contains(" ") ? value.substring(0, value.indexOf(' ')) : value;
        String variable = scheme.toLowerCase(Locale.ROOT).equals("basic") ? "$BASIC_AUTH" : "$TOKEN";
        return "\"Authorization: " + scheme + " " + variable + "\"";
    }

    /** Single-quotes for a POSIX shell. */
    static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
