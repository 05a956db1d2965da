package io.jobemu.junit;

/** How tests sharing one server are kept apart. */
public enum Isolation {
    /**
     * A namespace per test when tests may run at the same time on the server (JUnit parallel execution is enabled
     * and the test runs CONCURRENT, or the server is remote and so possibly shared); otherwise the default
     * namespace, reset between tests.
     */
    AUTO,
    /** Every test gets its own namespace, deleted after it: safe under any parallelism. */
    NAMESPACE_PER_TEST,
    /** Every test uses the default namespace (reset between tests unless that is turned off). */
    SHARED_NAMESPACE
}
