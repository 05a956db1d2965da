package io.jobemu.junit;

/** How long one emulator server lives. */
public enum ServerLifecycle {
    /** One server for all tests of a class (and its nested classes); reset or a fresh namespace between tests. */
    PER_CLASS,
    /** A fresh server for every test. */
    PER_TEST
}
