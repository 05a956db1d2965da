package io.jobemu.flink.jobs;

/** Receives the outcome of a savepoint or checkpoint a job was asked for. */
public interface OperationListener {

    /** The savepoint or checkpoint {@code checkpointId} completed; {@code location} is null for checkpoints. */
    void completed(long checkpointId, String location);

    /** It failed with the given exception (class name and message, as Flink's SerializedThrowable shows). */
    void failed(String exceptionClass, String message);
}
