package io.jobemu.flink.cluster;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobemu.core.http.Call;
import io.jobemu.core.http.Json;
import io.jobemu.flink.FlinkCluster;
import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Job manager views: configuration, JVM environment and log list, as Flink 2.3 renders them. */
public final class JobManagerViews {

    /** One log file for the whole MiniCluster-like process: job manager and task managers list the same file. */
    private static final String LOG_FILE = "flink-jobmanager.log";
    private static final long LOG_BYTES_AT_START = 16279;
    /** Roughly what a job's lifecycle adds to the log. */
    private static final long LOG_BYTES_PER_JOB = 4096;

    private static final String FLINK_LIB = "/opt/flink/lib/";

    private JobManagerViews() {
    }

    /**
     * {@code GET /jobmanager/config} (also the application and job variants): {@code [{"key","value"}]} for the
     * options set on the cluster. Flink renders them from a hash map, so they come in that map's order. The REST
     * address and port are the ones the client reached.
     */
    public static ArrayNode config(FlinkCluster cluster, Call call) {
        URI base = URI.create(call.baseUrl());
        String host = base.getHost();
        int port = base.getPort() >= 0 ? base.getPort() : 80;
        Map<String, String> options = new LinkedHashMap<>();
        options.put("jobmanager.rpc.address", host);
        options.put("rest.address", host);
        options.put("rest.bind-address", host);
        options.put("rest.port", String.valueOf(port));
        options.put("taskmanager.host", host);
        options.put("parallelism.default", String.valueOf(FlinkCluster.DEFAULT_PARALLELISM));
        options.put("execution.checkpointing.savepoint-dir", FlinkCluster.DEFAULT_SAVEPOINT_DIR);
        options.put("web.submit.enable", "true");
        options.put("web.upload.dir", cluster.context().workDir().toAbsolutePath().toString());
        options.put("cluster.io-pool.size", "4");
        options.put("taskmanager.numberOfTaskSlots", String.valueOf(TaskManagers.SLOTS_PER_TASK_MANAGER));
        options.put("taskmanager.cpu.cores", "1000000.0");
        options.put("taskmanager.memory.framework.heap.size", "128 mb");
        options.put("taskmanager.memory.framework.off-heap.size", "128 mb");
        options.put("taskmanager.memory.task.heap.size", "1099511627776 bytes");
        options.put("taskmanager.memory.task.off-heap.size", "1099511627776 bytes");
        options.put("taskmanager.memory.managed.size", "128 mb");
        options.put("taskmanager.memory.network.min", "64 mb");
        options.put("taskmanager.memory.network.max", "64 mb");
        options.put("taskmanager.memory.jvm-metaspace.size", "256 mb");
        options.put("taskmanager.memory.jvm-overhead.min", "1 gb");
        options.put("taskmanager.memory.jvm-overhead.max", "1 gb");
        options.put("taskmanager.network.sort-shuffle.min-buffers", "16");
        ArrayNode view = Json.array();
        new HashMap<>(options).forEach((key, value) -> view.addObject().put("key", key).put("value", value));
        return view;
    }

    /** {@code GET /jobmanager/environment}: the JVM and class path of a Flink distribution's job manager. */
    public static ObjectNode environment() {
        String version = FlinkCluster.FLINK_VERSION;
        ObjectNode view = Json.object();
        ObjectNode jvm = view.putObject("jvm")
                .put("version", "OpenJDK 64-Bit Server VM - Eclipse Adoptium - 17/17.0.15+6")
                .put("arch", "amd64");
        ArrayNode options = jvm.putArray("options");
        List.of("-Xmx1073741824", "-Xms1073741824", "-XX:MaxMetaspaceSize=268435456",
                "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.util=ALL-UNNAMED",
                "-Dlog.file=/opt/flink/log/" + LOG_FILE,
                "-Dlog4j.configuration=file:/opt/flink/conf/log4j-console.properties",
                "-Dlog4j.configurationFile=file:/opt/flink/conf/log4j-console.properties")
                .forEach(options::add);
        ArrayNode classpath = view.putArray("classpath");
        List.of("flink-cep-" + version + ".jar", "flink-connector-files-" + version + ".jar",
                "flink-csv-" + version + ".jar", "flink-json-" + version + ".jar",
                "flink-table-api-java-uber-" + version + ".jar", "flink-table-runtime-" + version + ".jar",
                "log4j-1.2-api-2.24.3.jar", "log4j-api-2.24.3.jar", "log4j-core-2.24.3.jar",
                "log4j-slf4j-impl-2.24.3.jar", "flink-dist-" + version + ".jar")
                .forEach(jar -> classpath.add(FLINK_LIB + jar));
        return view;
    }

    /** {@code {"logs":[{"name","size","mtime"}]}}: the process log, which grows with every job and is always fresh. */
    static ObjectNode logList(FlinkCluster cluster) {
        long size = LOG_BYTES_AT_START + LOG_BYTES_PER_JOB * cluster.jobs().all().size();
        ObjectNode view = Json.object();
        view.putArray("logs").addObject()
                .put("name", LOG_FILE)
                .put("size", size)
                .put("mtime", cluster.context().clock().millis());
        return view;
    }
}
