package io.jobemu.flink.jobs;

/**
 * One checkpoint or savepoint in a job's checkpoint statistics. Mutable only through {@link JobCheckpoints},
 * under the job's lock.
 */
public final class CheckpointRecord {

    public enum Kind { CHECKPOINT, SAVEPOINT, SYNC_SAVEPOINT }

    public enum Status { IN_PROGRESS, COMPLETED, FAILED }

    private final long id;
    private final Kind kind;
    private final long triggerTimestamp;
    private final String externalPath;
    private Status status = Status.IN_PROGRESS;
    private long completedAt = -1;
    private long stateSize;
    private String failureMessage;

    CheckpointRecord(long id, Kind kind, long triggerTimestamp, String externalPath) {
        this.id = id;
        this.kind = kind;
        this.triggerTimestamp = triggerTimestamp;
        this.externalPath = externalPath;
    }

    void complete(long at, long size) {
        status = Status.COMPLETED;
        completedAt = at;
        stateSize = size;
    }

    void fail(long at, String message) {
        status = Status.FAILED;
        completedAt = at;
        failureMessage = message;
    }

    public long id() {
        return id;
    }

    public Kind kind() {
        return kind;
    }

    public boolean isSavepoint() {
        return kind != Kind.CHECKPOINT;
    }

    public Status status() {
        return status;
    }

    public long triggerTimestamp() {
        return triggerTimestamp;
    }

    /** Latest acknowledgement time; the trigger time while nothing has acknowledged yet. */
    public long latestAckTimestamp() {
        return completedAt < 0 ? triggerTimestamp : completedAt;
    }

    public long endToEndDuration(long now) {
        return (completedAt < 0 ? now : completedAt) - triggerTimestamp;
    }

    public long stateSize() {
        return stateSize;
    }

    public String externalPath() {
        return externalPath;
    }

    public String failureMessage() {
        return failureMessage;
    }
}
