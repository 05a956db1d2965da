package io.jobemu.streamkap.jobs;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Deploy failures a test has queued: each fails one deploy, the first queued for the deploy's name, else the first
 * queued for any name. Thread-safe.
 */
public final class DeployFailures {

    /** The message a failure without one reports. */
    public static final String DEFAULT_MESSAGE = "Emulated deploy failure";

    /**
     * One queued failure.
     *
     * @param name    the job name it applies to; null for the next deploy of any name
     * @param message the job's error_message, or the detail of the HTTP error
     * @param status  when set, the deploy request itself answers this status; otherwise the deploy is accepted
     *                and the job then turns FAILED without reaching Flink
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Failure(String name, String message, Integer status) {
        public Failure {
            if (message == null || message.isBlank()) {
                message = DEFAULT_MESSAGE;
            }
            if (status != null && (status < 400 || status > 599)) {
                throw new IllegalArgumentException("status must be an HTTP error status (400-599), got " + status);
            }
        }
    }

    private final List<Failure> queued = new ArrayList<>();

    public synchronized void add(Failure failure) {
        queued.add(failure);
    }

    public synchronized List<Failure> all() {
        return List.copyOf(queued);
    }

    /** Removes and returns the failure for a deploy of {@code name}, if one is queued. */
    synchronized Optional<Failure> take(String name) {
        Optional<Failure> match = queued.stream().filter(f -> name.equals(f.name())).findFirst()
                .or(() -> queued.stream().filter(f -> f.name() == null).findFirst());
        match.ifPresent(queued::remove);
        return match;
    }

    public synchronized void clear() {
        queued.clear();
    }
}
