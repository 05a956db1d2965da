package io.jobemu.hardening;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.Locale;
import java.util.Optional;

/**
 * One generated request: which declared operation it was derived from ("METHOD /template"), what was broken, and
 * the request itself.
 */
record FuzzCase(int index, String operation, Kind kind, RawHttp.Request request) {

    /** What the generator broke. */
    enum Kind {
        /** Path parameters (or the path itself): traversal, bad encodings, absurd sizes. */
        PATH,
        /** Query parameters: absurd values, unknown names, repeated or malformed pairs. */
        QUERY,
        /** JSON that does not parse, is of the wrong shape, or has fields of the wrong type. */
        JSON_BODY,
        /** Bytes that are no text at all, invalid UTF-8, or large. */
        RAW_BODY,
        /** Multipart bodies with a broken structure or hostile file names. */
        MULTIPART,
        /** Methods the route does not declare, or no route knows. */
        METHOD,
        /** Content types and other headers that misdescribe the request. */
        HEADER,
        /** A body cut short: the client announces more than it sends and closes its side. */
        TRUNCATED
    }

    String method() {
        return request.method();
    }

    /** The path as sent, before any decoding. */
    String rawPath() {
        String target = request.targetText();
        int query = target.indexOf('?');
        return query < 0 ? target : target.substring(0, query);
    }

    String rawQuery() {
        String target = request.targetText();
        int query = target.indexOf('?');
        return query < 0 ? "" : target.substring(query + 1);
    }

    /** The first value of a query parameter, undecoded. */
    Optional<String> queryValue(String name) {
        for (String pair : rawQuery().split("&")) {
            int equals = pair.indexOf('=');
            if ((equals < 0 ? pair : pair.substring(0, equals)).equals(name)) {
                return Optional.of(equals < 0 ? "" : pair.substring(equals + 1));
            }
        }
        return Optional.empty();
    }

    /** Whether the target holds a '%' not followed by two hex digits, which fails decoding before any route. */
    boolean hasMalformedEscape() {
        byte[] target = request.target();
        for (int i = 0; i < target.length; i++) {
            if (target[i] == '%' && (i + 2 >= target.length || !isHex(target[i + 1]) || !isHex(target[i + 2]))) {
                return true;
            }
        }
        return false;
    }

    String bodyText() {
        return new String(request.body(), UTF_8);
    }

    /** A multipart/form-data POST: what Flink's upload handler decodes before any route. */
    boolean isMultipartPost() {
        String type = request.header("Content-Type");
        return method().equals("POST") && type != null
                && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    }

    @Override
    public String toString() {
        return "#" + index + " [" + kind + " of " + operation + "] " + request;
    }

    private static boolean isHex(byte b) {
        return Character.digit(b, 16) >= 0;
    }
}
