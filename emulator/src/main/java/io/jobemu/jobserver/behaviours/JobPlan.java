package io.jobemu.jobserver.behaviours;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;

/** What one run of a job does, decided from its config when it starts (its {@code validate} and {@code runJob}). */
public sealed interface JobPlan {

    /** {@code validate()} rejects the config: the job ends in ERROR with {@code java.lang.Throwable(reason)}. */
    record Invalid(String reason) implements JobPlan {}

    /** {@code runJob} returns {@code result} after {@code after}. */
    record Finish(Duration after, JsonNode result) implements JobPlan {}

    /** {@code runJob} throws {@code errorClass(message)} after {@code after}. */
    record Fail(Duration after, String errorClass, String message) implements JobPlan {}

    /** {@code runJob} never returns: a streaming job, ended only by a kill or its context stopping. */
    record RunUntilKilled() implements JobPlan {}
}
