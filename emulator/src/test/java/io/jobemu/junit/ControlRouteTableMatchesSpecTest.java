package io.jobemu.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobemu.Emulator;
import io.jobemu.EmulatorConfig;
import io.jobemu.core.Namespaces;
import io.jobemu.testing.SpecOperations;
import org.junit.jupiter.api.Test;

class ControlRouteTableMatchesSpecTest {

    @Test
    void controlRouteTableAndSpecNameExactlyTheSameOperations() throws Exception {
        try (Emulator emulator = Emulator.start(EmulatorConfig.forTests())) {
            assertThat(emulator.namespace(Namespaces.DEFAULT).controlRoutes().operationKeys())
                    .containsExactlyInAnyOrderElementsOf(SpecOperations.load("specs/emulator-control.yaml"));
        }
    }
}
