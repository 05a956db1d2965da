package io.jobemu.contract.spec;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One operation parameter with its schema already resolved.
 *
 * @param in where it goes: path, query, header or cookie
 */
public record Parameter(String name, String in, boolean required, JsonNode schema) {

    public boolean inPath() {
        return "path".equals(in);
    }

    /** Integer-typed values (indices, checkpoint ids): "abc" is malformed, a huge number is unknown. */
    public boolean isInteger() {
        return "integer".equals(schema.path("type").asText());
    }

    /** A string constrained by a pattern (hex ids): a value outside the pattern is malformed. */
    public boolean hasPattern() {
        return schema.hasNonNull("pattern");
    }
}
