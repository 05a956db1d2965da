package io.jobemu.contract.report;

/**
 * A failed check, with what is needed to reproduce it.
 *
 * @param step    the flow step that sent the request
 * @param kind    STATUS, EXPECTATION, CONTENT_TYPE, HEADER, BODY, SCHEMA, or TRANSPORT / FLOW
 * @param pointer JSON pointer into the body ("" for the whole answer)
 * @param curl    a command that sends the same request (null when there was no request)
 */
public record Failure(String step, String kind, String pointer, String expected, String actual, String message,
                      String curl) {
}
