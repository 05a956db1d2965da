package io.jobemu.junit;

/** What to do when a test leaves Flink jobs running or jobserver contexts up. */
public enum LeakPolicy {
    /** Do not check. */
    IGNORE,
    /** Log a warning and publish a JUnit report entry. */
    LOG,
    /** Fail the test. */
    FAIL
}
