package io.jobemu.junit;

import io.jobemu.core.faults.FaultSpec;

/**
 * A fault the emulator holds.
 *
 * @param id   its id, for {@link FaultsHandle#remove}
 * @param hits how many requests it has struck so far
 */
public record InjectedFault(String id, int hits, FaultSpec spec) {
}
