package io.jobemu.contract.flows;

import io.jobemu.contract.spec.Operation;
import io.jobemu.contract.spec.Parameter;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The error cases every spec documents for its path parameters, derived from the parameter schemas: for each
 * operation and each path parameter, a malformed value (outside the pattern, or not a number) and an unknown but
 * well-formed value. Either answer must match the spec, with the status the real server gives: 400 for a malformed
 * value and 404 for an unknown one where the operation declares them, unless the flow knows the real server answers
 * otherwise (Flink answers 200 with {@code []} for the metrics of an unknown job, its log-url handlers never parse
 * the job id, an unknown task manager is a 500). Where the spec declares neither and the flow knows nothing, a
 * malformed value must not cause a server error and an unknown one may get any declared answer. The other path
 * parameters get ids that exist, which the flow collected.
 */
public final class ParameterSweep {

    private static final String MALFORMED_ID = "not-an-id";
    private static final String MALFORMED_NUMBER = "abc";
    private static final String UNKNOWN_NUMBER = "999999";
    private static final String UNKNOWN_TEXT = "jobemu-contract-unknown";

    private final FlowContext context;
    private final Map<String, String> knownIds;

    /**
     * @param knownIds path parameter name to an id that exists on the server (or at least did, e.g. a job)
     */
    public ParameterSweep(FlowContext context, Map<String, String> knownIds) {
        this.context = context;
        this.knownIds = Map.copyOf(knownIds);
    }

    /**
     * Sweeps every operation the read-only guard allows.
     *
     * @param noUnknownIds operations whose unknown-id case the flow sends itself: an id that names nothing still
     *                     starts an asynchronous operation on some servers, and only the flow knows how to
     *                     collect its result (Flink keeps uncollected results and waits for them on shutdown)
     */
    public void run(Set<String> noUnknownIds) throws InterruptedException {
        run(noUnknownIds, Map.of());
    }

    /**
     * @param realAnswers the status the real server gives to a sweep step, by step label
     *                    ({@code "getJobStatus [unknown jobid]"}), where the rule above does not hold
     */
    public void run(Set<String> noUnknownIds, Map<String, Expect> realAnswers) throws InterruptedException {
        for (Operation operation : context.spec().operations()) {
            if (!context.mayCall(operation) || context.options().excluded().containsKey(operation.id())) {
                continue;
            }
            for (Parameter parameter : operation.pathParameters()) {
                Optional<String> malformed = malformedValue(parameter);
                if (malformed.isPresent()) {
                    String variant = "malformed " + parameter.name();
                    send(operation, parameter, malformed.get(), variant,
                            expected(operation, variant, "400", Expect.NO_SERVER_ERROR, realAnswers));
                }
                if (!noUnknownIds.contains(operation.id())) {
                    String variant = "unknown " + parameter.name();
                    send(operation, parameter, unknownValue(parameter), variant,
                            expected(operation, variant, "404", Expect.DECLARED, realAnswers));
                }
            }
        }
    }

    private static Expect expected(Operation operation, String variant, String usual, Expect otherwise,
                                   Map<String, Expect> realAnswers) {
        Expect known = realAnswers.get(operation.id() + " [" + variant + "]");
        if (known != null) {
            return known;
        }
        return operation.responses().containsKey(usual) ? Expect.status(Integer.parseInt(usual)) : otherwise;
    }

    private void send(Operation operation, Parameter varied, String value, String variant, Expect expect)
            throws InterruptedException {
        Call call = context.call(operation.id()).as(variant).expect(expect);
        for (Parameter parameter : operation.pathParameters()) {
            String known = parameter == varied ? value : knownIds.get(parameter.name());
            if (known == null) {
                return;
            }
            call.path(parameter.name(), known);
        }
        try {
            call.send();
        } catch (StepFailedException e) {
            // reported; the sweep goes on with the next case
        }
    }

    static Optional<String> malformedValue(Parameter parameter) {
        if (parameter.isInteger()) {
            return Optional.of(MALFORMED_NUMBER);
        }
        if (parameter.hasPattern() && !matches(parameter, MALFORMED_ID)) {
            return Optional.of(MALFORMED_ID);
        }
        return Optional.empty();
    }

    static String unknownValue(Parameter parameter) {
        if (parameter.isInteger()) {
            return UNKNOWN_NUMBER;
        }
        String zeros = "0".repeat(32);
        return !parameter.hasPattern() || matches(parameter, zeros) ? zeros : UNKNOWN_TEXT;
    }

    private static boolean matches(Parameter parameter, String value) {
        return Pattern.compile(parameter.schema().get("pattern").asText()).matcher(value).find();
    }
}
