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
     * Checks that the list at {@code arrayPointer} shows the entry whose {@code idField} is {@code id}, and, unless
     * {@code state} is null, with that {@code stateField}: what the flow just saw of the thing must be what the list
     * says. A miss is reported against this operation; the section goes on.
     *
     * @param mayBeCut the list is a page that can leave the entry out (many entries on a shared server): an
     *                 absent entry is then no failure, a wrong state still is
     */
    public Result shows(String arrayPointer, String idField, String id, String stateField, String state,
                        boolean mayBeCut) {
        for (JsonNode entry : json().at(arrayPointer)) {
            if (id.equals(entry.path(idField).asText())) {
                if (state != null && !state.equals(entry.path(stateField).asText())) {
                    context.flowFailure(this, arrayPointer, id + " listed as " + state,
                            id + " listed as " + entry.path(stateField));
                }
                return this;
            }
        }
        if (!mayBeCut) {
            context.flowFailure(this, arrayPointer, id + " listed", "not listed");
        }
        return this;
    }

    /** Checks that the list at {@code arrayPointer} does not show {@code id} (it was deleted). */
    public Result doesNotShow(String arrayPointer, String idField, String id) {
        for (JsonNode entry : json().at(arrayPointer)) {
            if (id.equals(entry.path(idField).asText())) {
                context.flowFailure(this, arrayPointer, id + " gone", "still listed");
            }
        }
        return this;
    }

    /** Checks that every entry of a list filtered by a field's value has that value. */
    public Result allHave(String arrayPointer, String field, String value) {
        for (JsonNode entry : json().at(arrayPointer)) {
            if (!value.equalsIgnoreCase(entry.path(field).asText())) {
                context.flowFailure(this, arrayPointer, "only entries with " + field + " " + value,
                        "an entry with " + field + " " + entry.path(field));
                return this;
            }
        }
        return this;
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
