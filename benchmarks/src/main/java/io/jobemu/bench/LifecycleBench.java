package io.jobemu.bench;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Just the client lifecycle of {@link ThroughputBench} (upload, run, poll {@code GET /jobs/{id}/status}, cancel),
 * against the emulator and, with {@code --flink}, a real Flink: a quick loop for working on that path; prints the
 * cycle and per-step medians and writes nothing. Build as for {@code run.sh}, then run from {@code benchmarks/}:
 *
 * <p>{@code java -cp target/classes io.jobemu.bench.LifecycleBench <repo root> [cycles] [--flink]}
 */
public final class LifecycleBench {

    /** As long as the full run's. */
    private static final Duration WARM_UP = Duration.ofSeconds(3);

    private LifecycleBench() {
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.fromArgs(new String[] {args.length > 0 ? args[0] : ".."});
        int cycles = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        boolean withFlink = List.of(args).contains("--flink");
        Files.createDirectories(settings.work());
        byte[] jobJar = Files.readAllBytes(settings.jobJar());
        Servers servers = new Servers(settings);
        Http http = new Http();
        try (Servers.Started emulator = servers.emulator(List.of(), ThroughputBench.EMULATOR_OPTIONS)) {
            print("jobemu", ThroughputBench.lifecycle(new FlinkRest(http, emulator.baseUrl(), jobJar),
                    FlinkRest.Poll.STATUS, WARM_UP, cycles));
        }
        if (withFlink) {
            try (Servers.Started flink = servers.flink(0)) {
                print("real Flink", ThroughputBench.lifecycle(new FlinkRest(http, flink.baseUrl(), jobJar),
                        FlinkRest.Poll.STATUS, WARM_UP, 10));
            }
        }
    }

    private static void print(String server, List<FlinkRest.Cycle> cycles) {
        List<String> steps = new ArrayList<>(List.of("cycle " + Report.ms(median(cycles, FlinkRest.Cycle::total))));
        for (int step = 0; step < FlinkRest.Cycle.STEPS.size(); step++) {
            int index = step;
            steps.add(FlinkRest.Cycle.STEPS.get(step) + " " + Report.ms(median(cycles, c -> c.steps().get(index))));
        }
        System.out.println(server + " (" + cycles.size() + " cycles, medians): " + String.join(", ", steps));
    }

    private static double median(List<FlinkRest.Cycle> cycles, ToDoubleFunction<FlinkRest.Cycle> step) {
        return Stats.of(cycles.stream().map(step::applyAsDouble).toList()).median();
    }
}
