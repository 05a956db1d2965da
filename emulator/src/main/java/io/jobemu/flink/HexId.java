package io.jobemu.flink;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A 16-byte id in a request body (job id, trigger id), parsed as Flink parses it; an invalid one fails the body
 * binding, so the request gets Flink's "Request did not match expected format" 400.
 */
public record HexId(@JsonValue String value) {

    @JsonCreator
    public static HexId parse(String text) {
        return new HexId(FlinkParams.parseHexId(text)
                .orElseThrow(() -> new IllegalArgumentException("not a 32-character hex id: " + text)));
    }

    public static String valueOrNull(HexId id) {
        return id == null ? null : id.value();
    }
}
