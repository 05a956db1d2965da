package io.jobemu.contract.flows;

import java.util.Set;

/** Drives one API as a real client would, so that each operation is called with ids that exist. */
public interface Flow {

    /**
     * Runs every section the options allow. Sections end early when a step fails (already reported); the
     * cleanups the flow registered run afterwards in any case.
     */
    void run(FlowContext context) throws InterruptedException;

    /** How to recognise a server of this API before the run starts. */
    Probe probe();

    /** Whether nearly every operation needs credentials, so that a run without any checks next to nothing. */
    default boolean needsCredentials() {
        return false;
    }

    /** GET operations that change state (the read-only guard refuses them as it refuses other methods). */
    default Set<String> sideEffectingReads() {
        return Set.of();
    }

    /** Other methods that change nothing on the server, such as exchanging credentials for a token. */
    default Set<String> harmlessWrites() {
        return Set.of();
    }
}
