package io.jobemu.jobserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ScalaCollectionsTest {

    @Test
    void upToFourEntriesKeepInsertionOrder() {
        assertThat(ScalaCollections.order(List.of("status", "result", "b", "a"), Function.identity()))
                .containsExactly("status", "result", "b", "a");
    }

    /** The order of the job report in the real server's own README (printed by spray from a Scala map). */
    @Test
    void fiveOrMoreEntriesComeInHashTrieOrder() {
        assertThat(ScalaCollections.order(List.of("jobId", "startTime", "classPath", "context", "duration",
                "status"), Function.identity()))
                .containsExactly("duration", "classPath", "startTime", "context", "status", "jobId");
    }
}
