package io.jobemu.contract.flows;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobemu.contract.http.Exchange;
import io.jobemu.contract.spec.Operation;

/**
 * The answer to one flow step, after it was checked.
 *
 * @param expectationMet whether the status was what the step expected (success, error, ...)
 */
public record Result(FlowContext context, String label, Operation operation, Exchange exchange,
                     boolean expectationMet) {

    public int status() {
        return exchange.response().status();
    }

    public JsonNode json() {
        return exchange.response().json();
    }

    /** Stops the section unless the step got the status it expected (the failure is already reported). */
    public Result require() {
        if (!expectationMet) {
            throw new StepFailedException(label + " answered " + status());
        }
        return this;
    }

    /** Reports that this answer does not let the flow go on; throw what it returns. */
    public StepFailedException unusable(String pointer, String expected, String actual) {
        context.flowFailure(this, pointer, expected, actual);
        return new StepFailedException(label + ": expected " + expected + ", got " + actual);
    }

    /**
     * The text at a JSON pointer, which the flow needs to go on; reported as a failure of this operation and
     * ending the section when it is missing.
     */
    public String text(String pointer) {
        JsonNode value = json().at(pointer);
        if (value.isMissingNode() || value.isNull() || value.asText().isEmpty()) {
            throw unusable(pointer, "a value the next steps need", value.isMissingNode() ? "missing" : value.toString());
        }
        return value.asText();
    }
}
