package io.jobemu.flink.jobs;

/** One failure in a job's exception history: the root exception and where it happened. */
public record JobFailure(String exceptionClass, String message, long timestamp, String taskName,
                         boolean causedRestart) {

    /** The stack trace text Flink shows, starting with "class: message". */
    public String stacktrace() {
        return exceptionClass + ": " + message + "\n\tat io.jobemu.EmulatedTask.invoke(EmulatedTask.java)\n";
    }
}
