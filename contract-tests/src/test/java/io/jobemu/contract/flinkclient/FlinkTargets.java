package io.jobemu.contract.flinkclient;

import io.jobemu.Emulator;
import io.jobemu.contract.realflink.RealFlinkCluster;
import io.jobemu.contract.support.Emulators;
import java.net.URI;

/**
 * The two servers Flink's own client is pointed at, side by side: the emulator (realistic timing, wall clock) and a
 * real Flink 2.3.0 MiniCluster in this JVM. Started once for a test class, closed at its end.
 */
final class FlinkTargets implements AutoCloseable {

    static final String EMULATOR = "emulator";
    static final String REAL_FLINK = "real-flink";

    private final Emulator emulator;
    private final RealFlinkCluster realFlink;

    private FlinkTargets(Emulator emulator, RealFlinkCluster realFlink) {
        this.emulator = emulator;
        this.realFlink = realFlink;
    }

    static FlinkTargets start() throws Exception {
        Emulator emulator = Emulators.realistic();
        try {
            return new FlinkTargets(emulator, RealFlinkCluster.start());
        } catch (Exception e) {
            emulator.close();
            throw e;
        }
    }

    /** The REST address of the target named {@link #EMULATOR} or {@link #REAL_FLINK}. */
    URI address(String target) {
        return URI.create(switch (target) {
            case EMULATOR -> emulator.flinkUrl();
            case REAL_FLINK -> realFlink.baseUrl();
            default -> throw new IllegalArgumentException("no target " + target);
        });
    }

    @Override
    public void close() throws Exception {
        try {
            realFlink.close();
        } finally {
            emulator.close();
        }
    }
}
