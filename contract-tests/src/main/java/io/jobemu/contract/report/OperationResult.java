package io.jobemu.contract.report;

import io.jobemu.contract.spec.Operation;
import java.util.ArrayList;
import java.util.List;

/** The checks made against one operation. Not thread-safe: {@link Report} guards it. */
public final class OperationResult {

    private final Operation operation;
    private final List<Failure> failures = new ArrayList<>();
    private int checks;
    private String notExercisedReason;

    OperationResult(Operation operation) {
        this.operation = operation;
    }

    public Operation operation() {
        return operation;
    }

    /** Answers checked against this operation (passed or not). */
    public int checks() {
        return checks;
    }

    public List<Failure> failures() {
        return List.copyOf(failures);
    }

    public String notExercisedReason() {
        return notExercisedReason == null ? "not reached: a step it depends on failed, or no flow step calls it" : notExercisedReason;
    }

    public Outcome outcome() {
        if (!failures.isEmpty()) {
            return Outcome.FAILED;
        }
        return checks > 0 ? Outcome.PASSED : Outcome.NOT_EXERCISED;
    }

    void count() {
        checks++;
    }

    void fail(Failure failure) {
        failures.add(failure);
    }

    void reasonNotExercised(String reason) {
        if (notExercisedReason == null) {
            notExercisedReason = reason;
        }
    }
}
