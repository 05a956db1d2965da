package io.jobemu.bench.flink;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.client.JobStatusMessage;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.runtime.jobgraph.JobVertex;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;

/**
 * A real Flink 2.3.0 JobManager REST endpoint in one JVM: a MiniCluster (1 task manager, 4 slots) with web
 * submission, on 127.0.0.1. Prints {@code ready <url>} once REST answers; with a prefill count it then runs that many
 * one-task jobs to completion and prints {@code prefilled <n>}. It runs until killed (the benchmarks kill it: Flink's
 * close must not run from a shutdown hook, and nothing here needs a clean close).
 *
 * <p>Usage: {@code RealFlinkServer <port> <absolute work dir> [prefill jobs]}
 */
public final class RealFlinkServer {

    private static final long PREFILL_TIMEOUT_SECONDS = 180;

    private RealFlinkServer() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path work = Path.of(args[1]).toAbsolutePath();
        int prefill = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        Files.createDirectories(work.resolve("upload"));
        MiniCluster cluster = new MiniCluster(new MiniClusterConfiguration.Builder()
                .setConfiguration(configuration(port, work))
                .setNumTaskManagers(1)
                .setNumSlotsPerTaskManager(4)
                .build());
        URI rest;
        try {
            cluster.start();
            rest = cluster.getRestAddress().get();
        } catch (Throwable e) {
            e.printStackTrace();
            // a failed start leaves non-daemon threads behind: the JVM would not exit by itself
            Runtime.getRuntime().halt(1);
            return;
        }
        System.out.println("ready " + rest);
        if (prefill > 0) {
            prefill(cluster, prefill);
            System.out.println("prefilled " + prefill);
        }
    }

    private static Configuration configuration(int port, Path work) {
        Configuration conf = new Configuration();
        set(conf, "rest.bind-address", "127.0.0.1");
        set(conf, "rest.address", "127.0.0.1");
        set(conf, "rest.port", Integer.toString(port));
        set(conf, "jobmanager.rpc.address", "127.0.0.1");
        set(conf, "taskmanager.host", "127.0.0.1");
        set(conf, "web.upload.dir", work.resolve("upload").toString());
        set(conf, "execution.checkpointing.savepoint-dir", work.resolve("savepoints").toUri().toString());
        return conf;
    }

    private static void set(Configuration conf, String key, String value) {
        ConfigOption<String> option = ConfigOptions.key(key).stringType().noDefaultValue();
        conf.set(option, value);
    }

    /** Submits {@code count} one-task jobs and waits until every one of them is FINISHED. */
    private static void prefill(MiniCluster cluster, int count) throws Exception {
        List<CompletableFuture<?>> submissions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            JobVertex task = new JobVertex("noop");
            task.setInvokableClass(NoOpTask.class);
            task.setParallelism(1);
            submissions.add(cluster.submitJob(new JobGraph(new JobID(), "prefill-" + i, task)));
        }
        CompletableFuture.allOf(submissions.toArray(CompletableFuture[]::new))
                .get(PREFILL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PREFILL_TIMEOUT_SECONDS);
        while (finished(cluster) < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("prefill: only " + finished(cluster) + " of " + count
                        + " jobs finished in " + PREFILL_TIMEOUT_SECONDS + " s");
            }
            Thread.sleep(50);
        }
    }

    private static long finished(MiniCluster cluster) throws Exception {
        return cluster.listJobs().get().stream().map(JobStatusMessage::getJobState)
                .filter(state -> state == JobStatus.FINISHED).count();
    }
}
