package io.jobemu.flink.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobemu.core.clock.EmulatorClock;
import io.jobemu.core.http.Json;
import io.jobemu.core.ids.IdGenerator;
import io.jobemu.flink.FlinkErrors;
import io.jobemu.flink.jobs.OperationListener;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Flink's trigger/poll protocol, once for every asynchronous operation: a trigger registers an operation under
 * a trigger id (the client's, for idempotency, or a fresh one) and starts it; polls read IN_PROGRESS until it
 * completes; a completed result stays readable for {@code rest.async.store-duration} (5 minutes) on the clock,
 * then the id is unknown again. Only the kind-specific result shape differs between operations.
 */
public final class AsyncOperations {

    /** Flink's {@code rest.async.store-duration} default. */
    public static final Duration STORE_DURATION = Duration.ofMinutes(5);

    /** Each kind has its own id space and result shape. Savepoint and stop-with-savepoint share one. */
    public enum Kind {
        SAVEPOINT("location", "failure-cause"),
        CHECKPOINT("checkpointId", "failureCause"),
        SAVEPOINT_DISPOSAL(null, "failure-cause"),
        DATASET_DELETE(null, "failure-cause");

        private final String successField;
        private final String failureField;

        Kind(String successField, String failureField) {
            this.successField = successField;
            this.failureField = failureField;
        }
    }

    private record Key(Kind kind, String scope, String triggerId) {}

    private final ConcurrentHashMap<Key, Operation> operations = new ConcurrentHashMap<>();
    private final EmulatorClock clock;
    private final IdGenerator ids;

    public AsyncOperations(EmulatorClock clock, IdGenerator ids) {
        this.clock = clock;
        this.ids = ids;
    }

    /**
     * Registers an operation and runs {@code start} with it. A trigger id already registered for the same kind and
     * scope returns the existing operation without starting anything (Flink's idempotent registration), unless
     * its result has been evicted: then the id is free again and starts a new operation.
     *
     * @param scope the job id for job operations, "" for cluster-wide ones
     * @return the trigger id
     */
    public String trigger(Kind kind, String scope, String requestedTriggerId, Consumer<Operation> start) {
        String triggerId = requestedTriggerId != null ? requestedTriggerId : ids.hex32();
        Key key = new Key(kind, scope, triggerId);
        Operation fresh = new Operation(kind);
        long now = clock.millis();
        Operation registered = operations.compute(key,
                (k, existing) -> existing == null || existing.expiredAt(now) ? fresh : existing);
        if (registered == fresh) {
            start.accept(fresh);
        }
        return triggerId;
    }

    /** The operation, or empty when never triggered or evicted. */
    public Optional<Operation> find(Kind kind, String scope, String triggerId) {
        Key key = new Key(kind, scope, triggerId);
        Operation operation = operations.get(key);
        if (operation != null && operation.expiredAt(clock.millis())) {
            operations.remove(key, operation);
            return Optional.empty();
        }
        return Optional.ofNullable(operation);
    }

    public void reset() {
        operations.clear();
    }

    /** One operation's progress; also the listener the job reports the outcome to. */
    public final class Operation implements OperationListener {
        private final Kind kind;
        private JsonNode result;
        private long completedAt = -1;

        private Operation(Kind kind) {
            this.kind = kind;
        }

        @Override
        public synchronized void completed(long checkpointId, String location) {
            ObjectNode body = Json.object();
            if (kind == Kind.SAVEPOINT) {
                body.put(kind.successField, location);
            } else if (kind == Kind.CHECKPOINT) {
                body.put(kind.successField, checkpointId);
            }
            finish(body);
        }

        @Override
        public synchronized void failed(String exceptionClass, String message) {
            finish(Json.object().set(kind.failureField, FlinkErrors.serializedThrowable(exceptionClass, message)));
        }

        private void finish(JsonNode body) {
            if (completedAt < 0) {
                result = body;
                completedAt = clock.millis();
            }
        }

        private synchronized boolean expiredAt(long now) {
            return completedAt >= 0 && now >= completedAt + STORE_DURATION.toMillis();
        }

        /** {@code {"status":{"id":...},"operation":...}}, with operation null while in progress. */
        public synchronized ObjectNode statusView() {
            ObjectNode view = Json.object();
            view.putObject("status").put("id", completedAt < 0 ? "IN_PROGRESS" : "COMPLETED");
            view.set("operation", completedAt < 0 ? null : result.deepCopy());
            return view;
        }
    }
}
