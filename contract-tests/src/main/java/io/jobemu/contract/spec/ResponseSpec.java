package io.jobemu.contract.spec;

import java.util.List;
import java.util.Map;

/**
 * What an operation declares for one status code (or range, or {@code default}).
 *
 * @param status          the key as written in the spec: {@code 200}, {@code 4XX} or {@code default}
 * @param media           declared media type to the id of its schema in {@link SchemaSet} (null: no schema)
 * @param requiredHeaders response headers the spec marks {@code required: true}
 */
public record ResponseSpec(String status, Map<String, String> media, List<String> requiredHeaders) {

    public boolean declaresContent() {
        return !media.isEmpty();
    }
}
