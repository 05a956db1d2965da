package io.jobemu.jobserver;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobemu.EmulatorConfig;
import io.jobemu.core.EmulatorContext;
import io.jobemu.core.Limits;
import io.jobemu.core.clock.EmulatorClock;
import io.jobemu.core.ids.IdGenerator;
import io.jobemu.core.journal.RequestJournal;
import io.jobemu.testing.SpecOperations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobserverRouteTableMatchesSpecTest {

    @Test
    void routeTableAndSpecNameExactlyTheSameOperations(@TempDir Path workDir) throws Exception {
        try (EmulatorClock clock = new EmulatorClock(EmulatorClock.Mode.MANUAL)) {
            JobserverApi api = new JobserverApi(new EmulatorContext(clock, IdGenerator.unseeded(),
                    new RequestJournal(10), Files.createDirectories(workDir), Limits.DEFAULT),
                    EmulatorConfig.defaults().timing(), JobserverSettings.DEFAULTS);

            Set<String> specified = SpecOperations.load("specs/spark-jobserver.yaml");

            assertThat(specified).hasSize(19);
            assertThat(api.routes().operationKeys()).containsExactlyInAnyOrderElementsOf(specified);
        }
    }
}
