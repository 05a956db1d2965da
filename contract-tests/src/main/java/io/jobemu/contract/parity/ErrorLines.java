package io.jobemu.contract.parity;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The first line of every message in an error body ({@code errors[]} for Flink, {@code result}/{@code message} or
 * {@code detail} elsewhere), with what differs between servers replaced: uuids, hex ids, file paths, object
 * hashes and numbers.
 */
public final class ErrorLines {

    private static final List<Replacement> RULES = List.of(
            new Replacement("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}", "<uuid>"),
            new Replacement("\\b[0-9a-fA-F]{16,40}\\b", "<hexid>"),
            new Replacement("(file:)?/[^\\s\"',)]*", "<path>"),
            new Replacement("@[0-9a-f]{4,8}\\b", "@<hash>"),
            new Replacement("\\d+", "<n>"));

    private record Replacement(Pattern pattern, String with) {
        Replacement(String regex, String with) {
            this(Pattern.compile(regex), with);
        }
    }

    private ErrorLines() {
    }

    /** The normalised first lines; empty when the body carries no error message. */
    public static List<String> of(JsonNode body) {
        List<String> lines = new ArrayList<>();
        if (body.path("errors").isArray()) {
            body.path("errors").forEach(error -> lines.add(normalise(error.asText())));
        } else if (body.path("result").isTextual() && "ERROR".equals(body.path("status").asText())) {
            lines.add(normalise(body.path("result").asText()));
        } else if (body.path("result").path("message").isTextual()) {
            lines.add(normalise(body.path("result").path("message").asText()));
        } else if (body.path("detail").isTextual()) {
            lines.add(normalise(body.path("detail").asText()));
        }
        return lines;
    }

    static String normalise(String message) {
        String line = message.split("\n", 2)[0];
        for (Replacement rule : RULES) {
            line = rule.pattern().matcher(line).replaceAll(rule.with());
        }
        return line;
    }
}
