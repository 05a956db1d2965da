package io.jobemu.jobserver.behaviours;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.typesafe.config.Config;
import java.time.Duration;

/**
 * What jobs of one main class do, set by a test through the control API (on a real server the job's code decides).
 * For example {@code {"outcome":"FINISH","duration":"PT2S","result":{"rows":42}}} or
 * {@code {"outcome":"FAIL","error":{"class":"java.io.IOException","message":"disk full"}}}.
 *
 * @param outcome        FINISH (returns {@code result}), FAIL (throws {@code error}), RUN (until killed) or INVALID
 *                       ({@code validate()} rejects the config with {@code error.message})
 * @param duration       how long the job runs before it finishes or fails (default: no time)
 * @param result         the job's return value, any JSON (default null)
 * @param error          the exception for FAIL, the validation message for INVALID
 * @param contextFactory the context type the job needs (default {@value JobProgram#DEFAULT_CONTEXT_FACTORY})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobBehaviour(Outcome outcome, Duration duration, JsonNode result, JobError error,
                           String contextFactory) implements JobProgram {

    public enum Outcome { FINISH, FAIL, RUN, INVALID }

    /** The exception a failing job throws. */
    public record JobError(@JsonProperty("class") String className, String message) {
        public JobError {
            if (className == null || className.isBlank()) {
                className = "java.lang.RuntimeException";
            }
        }
    }

    private static final JobError DEFAULT_FAILURE = new JobError(null, "Emulated job failure");
    private static final String DEFAULT_INVALID_REASON = "One(SparkJobInvalid(Emulated validation failure))";

    public JobBehaviour {
        if (outcome == null) {
            outcome = Outcome.FINISH;
        }
        if (duration == null) {
            duration = Duration.ZERO;
        }
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration must not be negative, got " + duration);
        }
        if (contextFactory == null) {
            contextFactory = DEFAULT_CONTEXT_FACTORY;
        }
    }

    /** Only contexts of its {@code contextFactory} load it; others find it of the wrong type. */
    @Override
    public Loading load(String factory) {
        return factory.equals(contextFactory) ? new Loading.Loaded() : new Loading.WrongType();
    }

    @Override
    public JobPlan plan(Config jobConfig, JobEnvironment environment) {
        JobError failure = error != null ? error : DEFAULT_FAILURE;
        return switch (outcome) {
            case FINISH -> new JobPlan.Finish(duration, result != null ? result : NullNode.getInstance());
            case FAIL -> new JobPlan.Fail(duration, failure.className(), failure.message());
            case RUN -> new JobPlan.RunUntilKilled();
            case INVALID -> new JobPlan.Invalid(error != null && error.message() != null ? error.message()
                    : DEFAULT_INVALID_REASON);
        };
    }
}
