package io.jobemu.contract.realflink;

import static io.jobemu.contract.parity.Difference.Kind.SHAPE;
import static io.jobemu.contract.parity.Difference.Kind.STATUS;

import io.jobemu.contract.parity.AllowList;
import io.jobemu.contract.parity.AllowList.Entry;
import java.util.List;

/**
 * Every difference between a real Flink 2.3.0 JobManager and the emulator that the parity run accepts, with its
 * reason. contract-tests/README.md shows the same list; a test keeps the two in step.
 */
final class FlinkParityAllowList {

    static final AllowList ENTRIES = new AllowList(List.of(
            new Entry("metrics-warm-up", "get\\w*Metrics", SHAPE, "(?m)^\\[\\]\\{\\}$",
                    "A real JobManager answers [] to metric queries until its metric fetcher has run (every 10 s);"
                            + " the emulator has metrics from the first request (LIMITATIONS.md, Cluster).", false),
            new Entry("back-pressure-warm-up", "getVertexBackPressure", SHAPE, ".",
                    "Back pressure is computed from the same fetched metrics: a real JobManager answers"
                            + " {\"status\":\"deprecated\"} until it has them, the emulator the full view at once"
                            + " (LIMITATIONS.md, Cluster).", false),
            new Entry("task-manager-gc-warm-up", "getTaskManagerDetails", SHAPE,
                    "\\.metrics\\.garbageCollectors\\[\\]",
                    "A real JobManager lists a task manager's garbage collectors from the same fetched metrics: none"
                            + " until its metric fetcher has run, the emulator every collector from the first request"
                            + " (LIMITATIONS.md, Cluster).", false)));

    private FlinkParityAllowList() {
    }
}
