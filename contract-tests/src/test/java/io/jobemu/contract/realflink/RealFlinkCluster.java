package io.jobemu.contract.realflink;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.configuration.WebOptions;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;

/**
 * A real Flink 2.3.0 JobManager inside the test JVM: a MiniCluster (1 TaskManager, 4 slots) whose REST endpoint
 * includes web submission because flink-runtime-web is on the classpath. Everything it writes goes under one
 * temporary directory. Close it from a normal thread: closing from a shutdown hook races Flink's own hooks.
 */
public final class RealFlinkCluster implements AutoCloseable {

    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(20);

    private final MiniCluster cluster;
    private final Path workDir;
    private final URI restAddress;

    private RealFlinkCluster(MiniCluster cluster, Path workDir, URI restAddress) {
        this.cluster = cluster;
        this.workDir = workDir;
        this.restAddress = restAddress;
    }

    public static RealFlinkCluster start() throws Exception {
        Path workDir = Files.createTempDirectory("jobemu-real-flink-").toAbsolutePath();
        Configuration conf = new Configuration();
        conf.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
        conf.set(RestOptions.ADDRESS, "127.0.0.1");
        conf.set(RestOptions.BIND_PORT, "0");
        conf.set(JobManagerOptions.ADDRESS, "127.0.0.1");
        conf.set(TaskManagerOptions.HOST, "127.0.0.1");
        // must be absolute: with a relative upload dir the jar ids Flink hands out cannot be run
        conf.set(WebOptions.UPLOAD_DIR, Files.createDirectories(workDir.resolve("upload")).toString());
        conf.set(CheckpointingOptions.SAVEPOINT_DIRECTORY,
                Files.createDirectories(workDir.resolve("savepoints")).toUri().toString());
        conf.set(CoreOptions.TMP_DIRS, Files.createDirectories(workDir.resolve("tmp")).toString());
        // a deployed cluster has log files to list; a MiniCluster has none unless told where they are
        Path logs = Files.createDirectories(workDir.resolve("log"));
        conf.set(WebOptions.LOG_PATH, Files.writeString(logs.resolve("jobmanager.log"), "jobemu\n").toString());
        conf.set(ConfigOptions.key("taskmanager.log.path").stringType().noDefaultValue(),
                Files.writeString(logs.resolve("taskmanager.log"), "jobemu\n").toString());
        MiniCluster cluster = new MiniCluster(new MiniClusterConfiguration.Builder()
                .setConfiguration(conf).setNumTaskManagers(1).setNumSlotsPerTaskManager(4).build());
        try {
            cluster.start();
            return new RealFlinkCluster(cluster, workDir, cluster.getRestAddress().get());
        } catch (Exception e) {
            closeQuietly(cluster);
            deleteRecursively(workDir);
            throw e;
        }
    }

    public String baseUrl() {
        String url = restAddress.toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @Override
    public void close() throws InterruptedException {
        Thread closer = new Thread(() -> closeQuietly(cluster), "real-flink-close");
        closer.setDaemon(true);
        closer.start();
        closer.join(CLOSE_TIMEOUT.toMillis());
        deleteRecursively(workDir);
    }

    private static void closeQuietly(MiniCluster cluster) {
        try {
            cluster.close();
        } catch (Exception e) {
            // the test is over; a cluster that does not close cleanly is left to the JVM's exit
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // best effort: a leftover temp directory is harmless
        }
    }
}
