package io.jobemu.contract.flows;

/**
 * A flow cannot go on with its current section: a step's answer was not usable. The cause is already in the
 * report, so whoever catches this only moves on to the next section.
 */
public final class StepFailedException extends RuntimeException {

    public StepFailedException(String message) {
        super(message, null, false, false);
    }
}
