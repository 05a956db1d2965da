package io.jobemu.jobserver.behaviours;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;

/** What one run of a job does, decided from its config when it starts (its {@code validate} and {@code runJob}). */
public sealed interface JobPlan {

    /** {@code validate()} rejects the config: the job ends in ERROR with {@code java.lang.Throwable(reason)}. */
    record Invalid(String reason) implements JobPlan {}

    /**
     * {@code validate()} throws instead of answering: the job ends in ERROR at once, before it counts as started,
     * so even an asynchronous submission answers with the error.
     */
    record ValidateThrows(String errorClass, String message, List<String> frames) implements JobPlan {
        public ValidateThrows {
            frames = List.copyOf(frames);
        }
    }

    /** {@code runJob} returns {@code result} after {@code after}. */
    record Finish(Duration after, JsonNode result) implements JobPlan {}

    /**
     * {@code runJob} throws {@code errorClass(message)} after {@code after}, from {@code frames} (empty: from the
     * job class's own {@code runJob}).
     */
    record Fail(Duration after, String errorClass, String message, List<String> frames) implements JobPlan {
        public Fail {
            frames = List.copyOf(frames);
        }

        public Fail(Duration after, String errorClass, String message) {
            this(after, errorClass, message, List.of());
        }
    }

    /** {@code runJob} never returns: a streaming job, ended only by a kill or its context stopping. */
    record RunUntilKilled() implements JobPlan {}
}
