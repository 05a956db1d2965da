package io.jobemu.core.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.jobemu.core.http.Json;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * Keeps secrets out of what the control API shows (settings, token lists, the journal): passwords, client secrets,
 * tokens and the credentials of auth headers become {@value #REDACTED}. Whatever records requests calls these when
 * it records, so that a secret is never stored, let alone answered.
 */
public final class Redaction {

    public static final String REDACTED = "<redacted>";

    /** Headers whose value is a credential; Authorization keeps its scheme, which tests may want to see. */
    private static final Set<String> SECRET_HEADERS = Set.of("authorization", "proxy-authorization", "cookie",
            "set-cookie", "x-api-key", ControlGuard.TOKEN_HEADER.toLowerCase(Locale.ROOT));
    /** JSON fields and form parameters holding a secret: {@code password}, {@code secret}, {@code refresh_token}... */
    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i).*(password|passwd|secret|token|project_key|api[_-]?key|credential).*");
    private static final int SHOWN_TOKEN_END = 4;

    private Redaction() {
    }

    /** One request or response header as it may be shown. */
    public static String header(String name, String value) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (!SECRET_HEADERS.contains(lower)) {
            return value;
        }
        int space = value.strip().indexOf(' ');
        boolean keepsScheme = (lower.equals("authorization") || lower.equals("proxy-authorization")) && space > 0;
        return keepsScheme ? value.strip().substring(0, space) + " " + REDACTED : REDACTED;
    }

    /** A request body as it may be shown: JSON and form fields with secret names redacted, anything else as is. */
    public static String body(String contentType, String body) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("application/x-www-form-urlencoded")) {
            return form(body);
        }
        if (type.contains("json")) {
            try {
                JsonNode parsed = Json.MAPPER.readTree(body);
                return parsed == null ? body : Json.MAPPER.writeValueAsString(json(parsed));
            } catch (IOException e) {
                return body;
            }
        }
        return body;
    }

    /** A query string as it may be shown: parameters with secret names ({@code ?token=...}) redacted. */
    public static String query(String query) {
        return query == null || query.isEmpty() ? query : form(query);
    }

    /** A copy of {@code node} whose fields with secret names hold {@value #REDACTED} instead of their values. */
    public static JsonNode json(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = Json.object();
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode value = field.getValue();
                boolean secret = SECRET_NAME.matcher(field.getKey()).matches() && value.isValueNode()
                        && !value.isNull() && !value.isBoolean();
                copy.set(field.getKey(), secret ? TextNode.valueOf(REDACTED) : json(value));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = Json.array();
            node.forEach(element -> copy.add(json(element)));
            return copy;
        }
        return node;
    }

    /** An issued token as a listing may show it: its last few characters, enough to tell tokens apart. */
    public static String tokenEnd(String token) {
        return token.length() <= 2 * SHOWN_TOKEN_END ? REDACTED
                : REDACTED + token.substring(token.length() - SHOWN_TOKEN_END);
    }

    private static String form(String body) {
        StringJoiner redacted = new StringJoiner("&");
        for (String pair : body.split("&", -1)) {
            int equals = pair.indexOf('=');
            redacted.add(equals >= 0 && SECRET_NAME.matcher(formName(pair.substring(0, equals))).matches()
                    ? pair.substring(0, equals + 1) + REDACTED : pair);
        }
        return redacted.toString();
    }

    private static String formName(String encoded) {
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return encoded;
        }
    }
}
