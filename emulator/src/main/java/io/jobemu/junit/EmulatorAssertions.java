package io.jobemu.junit;

/**
 * AssertJ-style assertions over the request journal, e.g.
 * {@code assertThat(emulator.flink()).received(POST, "/jars/upload").once()}.
 */
public final class EmulatorAssertions {

    private EmulatorAssertions() {
    }

    public static ApiJournalAssert assertThat(ApiHandle api) {
        return new ApiJournalAssert(api);
    }
}
