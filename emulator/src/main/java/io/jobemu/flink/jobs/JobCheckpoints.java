package io.jobemu.flink.jobs;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** A job's checkpoint statistics: counters, bounded history and the latest of each kind. Guarded by the job. */
public final class JobCheckpoints {

    /** Flink's {@code web.checkpoints.history} default. */
    public static final int HISTORY_SIZE = 10;

    private final Deque<CheckpointRecord> history = new ArrayDeque<>();
    private long nextId = 1;
    private int completed;
    private int failed;
    private CheckpointRecord latestCompleted;
    private CheckpointRecord latestSavepoint;
    private CheckpointRecord latestFailed;
    private final RestoredCheckpoint restored;

    /** Where the job was restored from when it started from a savepoint. */
    public record RestoredCheckpoint(long id, long restoreTimestamp, boolean savepoint, String externalPath) {}

    JobCheckpoints(RestoredCheckpoint restored) {
        this.restored = restored;
        if (restored != null) {
            nextId = restored.id() + 1;
        }
    }

    CheckpointRecord start(CheckpointRecord.Kind kind, long now, String externalPath) {
        CheckpointRecord record = new CheckpointRecord(nextId++, kind, now, externalPath);
        if (history.size() == HISTORY_SIZE) {
            history.removeLast();
        }
        history.addFirst(record);
        return record;
    }

    void complete(CheckpointRecord record, long now) {
        record.complete(now, 4096 + record.id() * 512);
        completed++;
        latestCompleted = record;
        if (record.isSavepoint()) {
            latestSavepoint = record;
        }
    }

    void fail(CheckpointRecord record, long now, String message) {
        record.fail(now, message);
        failed++;
        latestFailed = record;
    }

    public int inProgressCount() {
        return (int) history.stream().filter(r -> r.status() == CheckpointRecord.Status.IN_PROGRESS).count();
    }

    public int completedCount() {
        return completed;
    }

    public int failedCount() {
        return failed;
    }

    public int restoredCount() {
        return restored == null ? 0 : 1;
    }

    public List<CheckpointRecord> history() {
        return new ArrayList<>(history);
    }

    public Optional<CheckpointRecord> find(long id) {
        return history.stream().filter(r -> r.id() == id).findFirst();
    }

    public Optional<CheckpointRecord> latestCompleted() {
        return Optional.ofNullable(latestCompleted);
    }

    public Optional<CheckpointRecord> latestSavepoint() {
        return Optional.ofNullable(latestSavepoint);
    }

    public Optional<CheckpointRecord> latestFailed() {
        return Optional.ofNullable(latestFailed);
    }

    public Optional<RestoredCheckpoint> restored() {
        return Optional.ofNullable(restored);
    }
}
