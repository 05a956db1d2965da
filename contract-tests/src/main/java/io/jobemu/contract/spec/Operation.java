package io.jobemu.contract.spec;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One operation of an OpenAPI document, with its parameters and responses resolved.
 *
 * @param method    upper case
 * @param path      the path template, e.g. {@code /jobs/{jobid}}
 * @param responses status key (as written) to what that answer looks like, in spec order
 */
public record Operation(String id, String method, String path, List<Parameter> parameters,
                        Map<String, ResponseSpec> responses) {

    public List<Parameter> pathParameters() {
        return parameters.stream().filter(Parameter::inPath).toList();
    }

    /** The response the spec declares for a status: the exact code, then its range (4XX), then default. */
    public Optional<ResponseSpec> responseFor(int status) {
        String exact = Integer.toString(status);
        String range = exact.charAt(0) + "XX";
        for (String key : List.of(exact, range, range.toLowerCase(Locale.ROOT), "default")) {
            if (responses.containsKey(key)) {
                return Optional.of(responses.get(key));
            }
        }
        return Optional.empty();
    }

    /** Whether the spec names any 2xx answer for this operation. */
    public boolean declaresSuccess() {
        return responses.keySet().stream().anyMatch(key -> key.startsWith("2"));
    }

    @Override
    public String toString() {
        return id + " (" + method + " " + path + ")";
    }
}
