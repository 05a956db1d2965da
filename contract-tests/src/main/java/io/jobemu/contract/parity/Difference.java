package io.jobemu.contract.parity;

/**
 * One way the candidate's answer to a step differs from the reference's, after normalisation.
 *
 * @param label     the flow step (polls compare their last answer)
 * @param reference what the reference server showed (a status, a shape path, an error line; "" when absent)
 * @param candidate what the candidate showed
 */
public record Difference(String label, String operationId, Kind kind, String reference, String candidate) {

    public enum Kind {
        /** The step exists in one transcript only: the flows took different paths. */
        STEP,
        STATUS,
        /** A key path with its value type that only one side has. */
        SHAPE,
        /** The first line of an error message, ids, paths and numbers normalised. */
        ERROR_LINE
    }

    @Override
    public String toString() {
        return label + ": " + kind + " reference=" + (reference.isEmpty() ? "(none)" : reference)
                + " candidate=" + (candidate.isEmpty() ? "(none)" : candidate);
    }
}
