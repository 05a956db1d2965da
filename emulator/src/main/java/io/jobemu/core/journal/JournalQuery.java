package io.jobemu.core.journal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jobemu.core.faults.PathGlob;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Which journaled requests a test means, as {@code POST /_emulator/journal/find} takes it: every field is optional.
 * {@code path} is a glob ({@code *} within a segment, {@code **} across; no query string); {@code headers} maps a
 * header name (any case) to what one of its values must match; {@code bodyJson} maps a JSON path into the body
 * ({@code $.a.b[0]}, {@code $['a.b']}) to what the value there must match; {@code body} matches the body text.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record JournalQuery(String api, String method, String path, Map<String, Match> headers,
                           Map<String, Match> bodyJson, Match body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What one value must be: {@code equalTo} it, {@code contain} a text, {@code match} a regular expression (the
     * whole value), or, with {@code absent: true}, not be there at all. JSON values compare as their text (a number
     * {@code 2} equals {@code "2"}); objects and arrays as compact JSON.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Match(String equalTo, String contains, String matches, Boolean absent) {

        public Match {
            int given = (equalTo != null ? 1 : 0) + (contains != null ? 1 : 0) + (matches != null ? 1 : 0)
                    + (Boolean.TRUE.equals(absent) ? 1 : 0);
            if (given != 1) {
                throw new IllegalArgumentException("a match needs exactly one of equalTo, contains, matches or "
                        + "absent: true");
            }
            if (matches != null) {
                try {
                    Pattern.compile(matches);
                } catch (PatternSyntaxException e) {
                    throw new IllegalArgumentException("matches is no regular expression: " + e.getDescription());
                }
            }
        }

        public static Match equalTo(String value) {
            return new Match(value, null, null, null);
        }

        public static Match containing(String text) {
            return new Match(null, text, null, null);
        }

        public static Match matching(String regex) {
            return new Match(null, null, regex, null);
        }

        public static Match isAbsent() {
            return new Match(null, null, null, true);
        }

        /** Whether {@code value} (null: not there) matches. */
        public boolean test(String value) {
            if (Boolean.TRUE.equals(absent)) {
                return value == null;
            }
            if (value == null) {
                return false;
            }
            return equalTo != null ? equalTo.equals(value)
                    : contains != null ? value.contains(contains)
                    : Pattern.compile(matches, Pattern.DOTALL).matcher(value).matches();
        }

        @Override
        public String toString() {
            return equalTo != null ? "= \"" + equalTo + "\""
                    : contains != null ? "containing \"" + contains + "\""
                    : matches != null ? "matching /" + matches + "/" : "absent";
        }
    }

    public JournalQuery {
        headers = headers == null ? Map.of() : copyInOrder(headers);
        bodyJson = bodyJson == null ? Map.of() : copyInOrder(bodyJson);
        if (path != null && !path.startsWith("/")) {
            throw new IllegalArgumentException("path is a glob starting with /, got \"" + path + "\"");
        }
        if (path != null) {
            PathGlob.compile(path);
        }
        bodyJson.keySet().forEach(JournalQuery::pointer);
    }

    /** Every request. */
    public static JournalQuery any() {
        return new JournalQuery(null, null, null, null, null, null);
    }

    public boolean matches(JournalEntry entry) {
        if ((api != null && !api.equalsIgnoreCase(entry.api()))
                || (method != null && !method.equalsIgnoreCase(entry.method()))
                || (path != null && !PathGlob.compile(path).matches(entry.path()))) {
            return false;
        }
        for (Map.Entry<String, Match> header : headers.entrySet()) {
            if (!headerMatches(entry, header.getKey(), header.getValue())) {
                return false;
            }
        }
        if (body != null && !body.test(entry.body())) {
            return false;
        }
        if (bodyJson.isEmpty()) {
            return true;
        }
        JsonNode json = parse(entry.body());
        for (Map.Entry<String, Match> at : bodyJson.entrySet()) {
            JsonNode value = json == null ? null : json.at(pointer(at.getKey()));
            if (!at.getValue().test(value == null || value.isMissingNode() ? null : text(value))) {
                return false;
            }
        }
        return true;
    }

    /** E.g. "POST /jars/*\/run with header Content-Type containing \"json\"". */
    public String describe() {
        StringBuilder text = new StringBuilder(method == null ? "any method" : method)
                .append(' ').append(path == null ? "/**" : path);
        headers.forEach((name, match) -> text.append(" with header ").append(name).append(' ').append(match));
        bodyJson.forEach((at, match) -> text.append(" with body ").append(at).append(' ').append(match));
        if (body != null) {
            text.append(" with body ").append(body);
        }
        return text.toString();
    }

    /** {@code $.a.b[0]} or {@code $['a.b']} (a leading {@code $} is optional) as a JSON Pointer. */
    static JsonPointer pointer(String jsonPath) {
        String rest = jsonPath.startsWith("$") ? jsonPath.substring(1) : "." + jsonPath;
        StringBuilder pointer = new StringBuilder();
        int i = 0;
        while (i < rest.length()) {
            char c = rest.charAt(i);
            int end;
            String segment;
            if (c == '.') {
                end = i + 1;
                while (end < rest.length() && rest.charAt(end) != '.' && rest.charAt(end) != '[') {
                    end++;
                }
                segment = rest.substring(i + 1, end);
            } else if (c == '[' && rest.startsWith("['", i)) {
                int close = rest.indexOf("']", i + 2);
                if (close < 0) {
                    throw badPath(jsonPath);
                }
                segment = rest.substring(i + 2, close);
                end = close + 2;
            } else if (c == '[') {
                int close = rest.indexOf(']', i);
                if (close < 0 || !rest.substring(i + 1, close).matches("\\d+")) {
                    throw badPath(jsonPath);
                }
                segment = rest.substring(i + 1, close);
                end = close + 1;
            } else {
                throw badPath(jsonPath);
            }
            if (segment.isEmpty()) {
                throw badPath(jsonPath);
            }
            pointer.append('/').append(segment.replace("~", "~0").replace("/", "~1"));
            i = end;
        }
        return JsonPointer.compile(pointer.toString());
    }

    private static boolean headerMatches(JournalEntry entry, String name, Match match) {
        boolean present = false;
        for (Map.Entry<String, List<String>> header : entry.headers().entrySet()) {
            if (header.getKey().equalsIgnoreCase(name)) {
                present = true;
                for (String value : header.getValue()) {
                    if (match.test(value)) {
                        return true;
                    }
                }
            }
        }
        return !present && match.test(null);
    }

    private static JsonNode parse(String body) {
        if (body == null) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String text(JsonNode value) {
        return value.isValueNode() ? value.asText() : value.toString();
    }

    private static Map<String, Match> copyInOrder(Map<String, Match> from) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(from));
    }

    private static IllegalArgumentException badPath(String jsonPath) {
        return new IllegalArgumentException("not a JSON path such as $.a.b[0] or $['a.b']: \"" + jsonPath + "\"");
    }
}
