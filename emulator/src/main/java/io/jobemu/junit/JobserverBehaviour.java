package io.jobemu.junit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.jobemu.core.http.Json;
import io.jobemu.jobserver.behaviours.JobBehaviour;
import java.time.Duration;

/**
 * What emulated spark-jobserver jobs of a main class do (a real job's code decides this on a real server), e.g.
 * {@code JobserverBehaviour.finishesWith("{\"rows\": 42}").after(Duration.ofSeconds(2))}. Each step returns a new
 * behaviour, as {@link FlinkBehaviour}'s do.
 */
public final class JobserverBehaviour {

    private final JobBehaviour behaviour;

    private JobserverBehaviour(JobBehaviour behaviour) {
        this.behaviour = behaviour;
    }

    /** Finishes and returns {@code resultJson} (any JSON: an object, an array, a number, a quoted string). */
    public static JobserverBehaviour finishesWith(String resultJson) {
        return of(JobBehaviour.Outcome.FINISH, json(resultJson), null);
    }

    /** Finishes with a null result. */
    public static JobserverBehaviour finishes() {
        return of(JobBehaviour.Outcome.FINISH, null, null);
    }

    /** Fails, throwing {@code className} with {@code message}. */
    public static JobserverBehaviour failsWith(String className, String message) {
        return of(JobBehaviour.Outcome.FAIL, null, new JobBehaviour.JobError(className, message));
    }

    /** Runs until killed ({@code DELETE /jobs/<id>}) or its context stops. */
    public static JobserverBehaviour runsUntilKilled() {
        return of(JobBehaviour.Outcome.RUN, null, null);
    }

    /** {@code validate()} rejects the job's config with {@code message} (spark-jobserver's 400 VALIDATION FAILED). */
    public static JobserverBehaviour invalid(String message) {
        return of(JobBehaviour.Outcome.INVALID, null, new JobBehaviour.JobError(null, message));
    }

    /** How long the job runs before it finishes or fails (emulator time; none by default). */
    public JobserverBehaviour after(Duration duration) {
        JobBehaviour b = behaviour;
        return new JobserverBehaviour(new JobBehaviour(b.outcome(), duration, b.result(), b.error(),
                b.contextFactory()));
    }

    /** The context factory the job needs, e.g. {@code spark.jobserver.context.SessionContextFactory}. */
    public JobserverBehaviour contextFactory(String factoryClass) {
        JobBehaviour b = behaviour;
        return new JobserverBehaviour(new JobBehaviour(b.outcome(), b.duration(), b.result(), b.error(),
                factoryClass));
    }

    /** The control API's form of this behaviour. */
    public JobBehaviour toJobBehaviour() {
        return behaviour;
    }

    private static JobserverBehaviour of(JobBehaviour.Outcome outcome, JsonNode result, JobBehaviour.JobError error) {
        return new JobserverBehaviour(new JobBehaviour(outcome, null, result, error, null));
    }

    private static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the result is not JSON: " + text, e);
        }
    }
}
