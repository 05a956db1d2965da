package io.jobemu.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes a WireMock root directory: one GET stub per path, answering the given body with Flink's headers. The body
 * sits in the mapping itself, so WireMock serves it from memory (a {@code bodyFileName} is read from disk per request).
 */
final class WireMockStubs {

    private WireMockStubs() {
    }

    static Path write(Path root, Map<String, String> bodiesByPath) {
        try {
            Files.createDirectories(root.resolve("mappings"));
            int stub = 0;
            for (Map.Entry<String, String> entry : bodiesByPath.entrySet()) {
                Files.writeString(root.resolve("mappings").resolve("stub-" + ++stub + ".json"), """
                        {"request": {"method": "GET", "url": "%s"},
                         "response": {"status": 200, "body": "%s",
                                      "headers": {"Content-Type": "application/json; charset=UTF-8",
                                                  "access-control-allow-origin": "*"}}}
                        """.formatted(entry.getKey(), jsonString(entry.getValue())));
            }
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write WireMock stubs under " + root, e);
        }
    }

    /** The body as the inside of a JSON string literal. */
    private static String jsonString(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + text.length() / 8);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> escaped.append("\\\"");
                case '\\' -> escaped.append("\\\\");
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                case '\t' -> escaped.append("\\t");
                default -> escaped.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return escaped.toString();
    }
}
