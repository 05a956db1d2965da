package io.jobemu.bench.flink;

import org.apache.flink.client.cli.CliFrontend;
import org.apache.flink.configuration.Configuration;

/**
 * {@code flink run} repeated in one client JVM, as a test suite or a platform runs job after job: Flink's own
 * {@code CliFrontend.parseAndRun} with the arguments given, {@code runs} times; prints each run's wall-clock
 * milliseconds as {@code run <ms>}, the first included (the caller decides what counts as warm). Needs
 * {@code FLINK_CONF_DIR}.
 *
 * <p>{@code java -cp <bench classes>:<flink classpath> io.jobemu.bench.flink.FlinkRunLoop <runs> run -m ...}
 */
public final class FlinkRunLoop {

    private FlinkRunLoop() {
    }

    public static void main(String[] args) throws Exception {
        int runs = Integer.parseInt(args[0]);
        String[] command = java.util.Arrays.copyOfRange(args, 1, args.length);
        Configuration configuration = new Configuration();
        CliFrontend cli = new CliFrontend(configuration,
                CliFrontend.loadCustomCommandLines(configuration, System.getenv("FLINK_CONF_DIR")));
        for (int i = 0; i < runs; i++) {
            long started = System.nanoTime();
            int exitCode = cli.parseAndRun(command);
            double millis = (System.nanoTime() - started) / 1e6;
            if (exitCode != 0) {
                System.out.println("failed " + exitCode);
                System.exit(exitCode);
            }
            System.out.println("run " + millis);
        }
        System.exit(0);
    }
}
