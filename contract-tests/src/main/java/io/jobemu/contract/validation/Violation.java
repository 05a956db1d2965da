package io.jobemu.contract.validation;

/**
 * One way an answer departs from the spec or from what the flow expected.
 *
 * @param pointer  JSON pointer into the body ("" for the whole body), or {@code header:<name>}
 * @param expected what the spec (or flow) asks for
 * @param actual   what came back
 */
public record Violation(Kind kind, String pointer, String expected, String actual, String message) {

    public enum Kind {
        /** The status code is not one the operation declares. */
        STATUS,
        /** The status is declared but not the one the flow expects (e.g. an error for a valid request). */
        EXPECTATION,
        CONTENT_TYPE,
        HEADER,
        /** The body is not JSON although the spec declares a JSON body. */
        BODY,
        SCHEMA
    }

    @Override
    public String toString() {
        String where = pointer.isEmpty() ? "" : " at " + pointer;
        return kind + where + ": expected " + expected + ", got " + actual;
    }
}
