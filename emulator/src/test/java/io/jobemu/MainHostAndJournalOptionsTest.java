package io.jobemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jobemu.core.journal.JournalBounds;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The command line's advertised host, journal bounds and ready file. */
class MainHostAndJournalOptionsTest {

    @Test
    void parsesTheAdvertisedHostAndTheJournalsByteBounds() {
        EmulatorConfig config = Main.parse(List.of("--host", "0.0.0.0", "--advertise-host", "emulator",
                "--journal-entry-bytes", "1k", "--journal-bytes=2m", "--journal-capacity", "7"));

        assertThat(config.advertisedHost()).isEqualTo("emulator");
        assertThat(config.journal()).isEqualTo(new JournalBounds(7, 1024, 2L << 20));
        assertThat(Main.parse(List.of()).journal()).isEqualTo(new JournalBounds(10_000, 64 * 1024, 32L << 20));
    }

    @Test
    void withoutOneTheAdvertisedHostIsTheBindAddressOrLocalhostForEveryInterface() {
        assertThat(EmulatorConfig.defaults().advertisedHost()).isEqualTo("127.0.0.1");
        assertThat(EmulatorConfig.defaults().withHost("0.0.0.0").advertisedHost()).isEqualTo("localhost");
        assertThat(EmulatorConfig.defaults().withHost("::").advertisedHost()).isEqualTo("localhost");
        assertThat(EmulatorConfig.defaults().withHost("10.1.2.3").advertisedHost()).isEqualTo("10.1.2.3");
    }

    @Test
    void refusesJournalBoundsThatContradictEachOther() {
        assertThatThrownBy(() -> Main.parse(List.of("--journal-entry-bytes", "64m")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the journal's total bytes (33554432) must be at least its bytes per entry (67108864)");
        assertThatThrownBy(() -> Main.parse(List.of("--journal-bytes", "0")))
                .hasMessageStartingWith("--journal-bytes must be a size of at least 1 byte");
    }

    @Test
    void theReadyFileOptionIsTakenOutBeforeTheRestIsParsed() {
        List<String> options = new ArrayList<>(List.of("--seed", "1", "--ready-file", "/tmp/r", "--clock=manual"));
        assertThat(Main.takeReadyFile(options)).isEqualTo(Path.of("/tmp/r"));
        assertThat(options).containsExactly("--seed", "1", "--clock=manual");

        List<String> inline = new ArrayList<>(List.of("--ready-file=/tmp/q"));
        assertThat(Main.takeReadyFile(inline)).isEqualTo(Path.of("/tmp/q"));
        assertThat(inline).isEmpty();

        assertThat(Main.takeReadyFile(new ArrayList<>(List.of("--seed", "1")))).isNull();
        assertThatThrownBy(() -> Main.takeReadyFile(new ArrayList<>(List.of("--ready-file", "--seed", "1"))))
                .hasMessage("--ready-file needs a value");
    }
}
