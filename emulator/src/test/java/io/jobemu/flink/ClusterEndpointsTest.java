package io.jobemu.flink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobemu.flink.cluster.TaskManagers;
import io.jobemu.flink.jobs.FlinkJob;
import io.jobemu.flink.jobs.JobBehaviour;
import io.jobemu.flink.jobs.JobSpec;
import io.jobemu.testing.EmulatorTest;
import io.jobemu.testing.HttpResult;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterEndpointsTest extends EmulatorTest {

    private static final String REST_HANDLER = "org.apache.flink.runtime.rest.handler.RestHandlerException: ";

    /** The task manager metric names in the order a real 2.3 cluster lists them. */
    private static final List<String> TASK_MANAGER_METRICS = List.of("Status.JVM.Memory.Mapped.TotalCapacity",
            "Status.JVM.Memory.Mapped.MemoryUsed", "Status.JVM.GarbageCollector.All.TimeMsPerSecond",
            "Status.JVM.CPU.Time", "Status.Flink.Memory.Managed.Total",
            "Status.JVM.GarbageCollector.G1_Young_Generation.Count", "Status.JVM.Threads.Count",
            "Status.JVM.GarbageCollector.G1_Old_Generation.TimeMsPerSecond", "Status.Shuffle.Netty.UsedMemory",
            "Status.Shuffle.Netty.TotalMemory", "Status.JVM.Memory.Heap.Committed",
            "Status.JVM.GarbageCollector.All.Count", "Status.JVM.FileDescriptor.Max",
            "Status.Shuffle.Netty.RequestedMemoryUsage", "Status.JVM.Memory.Metaspace.Committed",
            "Status.JVM.GarbageCollector.G1_Young_Generation.TimeMsPerSecond", "Status.JVM.Memory.Direct.Count",
            "Status.Shuffle.Netty.AvailableMemorySegments", "Status.JVM.Memory.NonHeap.Max",
            "Status.Shuffle.Netty.TotalMemorySegments", "Status.JVM.Memory.NonHeap.Committed",
            "Status.JVM.Memory.NonHeap.Used", "Status.JVM.GarbageCollector.G1_Old_Generation.Count",
            "Status.JVM.GarbageCollector.All.Time", "Status.JVM.Memory.Metaspace.Max",
            "Status.JVM.Memory.Direct.MemoryUsed", "Status.JVM.Memory.Direct.TotalCapacity",
            "Status.JVM.GarbageCollector.G1_Old_Generation.Time", "Status.Shuffle.Netty.UsedMemorySegments",
            "Status.JVM.ClassLoader.ClassesLoaded", "Status.JVM.Memory.Mapped.Count",
            "Status.JVM.Memory.Metaspace.Used", "Status.Flink.Memory.Managed.Used", "Status.JVM.CPU.Load",
            "Status.JVM.Memory.Heap.Used", "Status.JVM.Memory.Heap.Max", "Status.JVM.ClassLoader.ClassesUnloaded",
            "Status.Shuffle.Netty.AvailableMemory", "Status.JVM.GarbageCollector.G1_Young_Generation.Time",
            "Status.JVM.FileDescriptor.Open");

    /** The job manager metric names in the order a real 2.3 cluster lists them. */
    private static final List<String> JOB_MANAGER_METRICS = List.of("Status.JVM.Memory.Mapped.TotalCapacity",
            "taskSlotsAvailable", "Status.JVM.Memory.Mapped.MemoryUsed", "taskSlotsTotal",
            "Status.JVM.GarbageCollector.All.TimeMsPerSecond", "Status.JVM.CPU.Time",
            "Status.JVM.GarbageCollector.G1_Young_Generation.Count", "Status.JVM.Threads.Count",
            "Status.JVM.GarbageCollector.G1_Old_Generation.TimeMsPerSecond", "Status.JVM.Memory.Heap.Committed",
            "Status.JVM.GarbageCollector.All.Count", "Status.JVM.FileDescriptor.Max",
            "Status.JVM.Memory.Metaspace.Committed", "Status.JVM.GarbageCollector.G1_Young_Generation.TimeMsPerSecond",
            "Status.JVM.Memory.Direct.Count", "Status.JVM.Memory.NonHeap.Max", "numRegisteredTaskManagers",
            "Status.JVM.Memory.NonHeap.Committed", "Status.JVM.Memory.NonHeap.Used",
            "Status.JVM.GarbageCollector.All.Time", "Status.JVM.GarbageCollector.G1_Old_Generation.Count",
            "Status.JVM.Memory.Metaspace.Max", "Status.JVM.Memory.Direct.MemoryUsed",
            "Status.JVM.GarbageCollector.G1_Old_Generation.Time", "Status.JVM.Memory.Direct.TotalCapacity",
            "numRunningJobs", "Status.JVM.ClassLoader.ClassesLoaded", "Status.JVM.Memory.Mapped.Count",
            "Status.JVM.Memory.Metaspace.Used", "Status.JVM.CPU.Load", "Status.JVM.Memory.Heap.Used",
            "Status.JVM.Memory.Heap.Max", "Status.JVM.ClassLoader.ClassesUnloaded",
            "Status.JVM.FileDescriptor.Open", "Status.JVM.GarbageCollector.G1_Young_Generation.Time");

    private static final List<String> TASK_MANAGER_KEYS = List.of("id", "path", "dataPort", "jmxPort",
            "timeSinceLastHeartbeat", "slotsNumber", "freeSlots", "assignedTasks", "totalResource", "freeResource",
            "hardware", "memoryConfiguration");

    private FlinkJob submit(int parallelism) {
        return submit(parallelism, JobBehaviour.DEFAULT);
    }

    private FlinkJob submit(int parallelism, JobBehaviour behaviour) {
        return emulator.flink().cluster().jobs()
                .submit(new JobSpec(null, "x.jar", "example.Job", List.of(), parallelism, null, false, behaviour))
                .orElseThrow();
    }

    private TaskManagers taskManagers() {
        return emulator.flink().cluster().taskManagers();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(entry -> ids.add(entry.path("id").asText()));
        return ids;
    }

    @Test
    void configIsTheRealClustersWithCors() {
        HttpResult result = flink.get("/config");

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.body()).isEqualTo("{\"refresh-interval\":3000,\"timezone-name\":\"Coordinated Universal"
                + " Time\",\"timezone-offset\":0,\"flink-version\":\"2.3.0\",\"flink-revision\":\"c0f8d1a @"
                + " 2026-06-14T16:29:03+02:00\",\"features\":{\"web-submit\":true,\"web-cancel\":true,"
                + "\"web-rescale\":false,\"web-history\":false}}");
        assertThat(result.header("access-control-allow-origin")).isEqualTo("*");
    }

    @Test
    void idleOverviewIsOneTaskManagerWithFourFreeSlots() {
        HttpResult result = flink.get("/overview");

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.body()).isEqualTo("{\"taskmanagers\":1,\"slots-total\":4,\"slots-available\":4,"
                + "\"jobs-running\":0,\"jobs-finished\":0,\"jobs-cancelled\":0,\"jobs-failed\":0,"
                + "\"flink-version\":\"2.3.0\",\"flink-commit\":\"c0f8d1a\"}");
    }

    @Test
    void overviewCountsJobsByOutcomeAndSlotsTheRunningOnesHold() {
        submit(1, new JobBehaviour(JobBehaviour.Outcome.FINISH, Duration.ofMillis(100), null, null, null, null,
                null, null));
        submit(1, new JobBehaviour(JobBehaviour.Outcome.FAIL, Duration.ofMillis(100), null, null, null, null,
                null, null));
        advance(Duration.ofSeconds(1));
        submit(3);
        FlinkJob cancelled = submit(1);
        advance(Duration.ofSeconds(1));
        cancelled.cancel();

        JsonNode cancelling = flink.get("/overview").json();
        assertThat(cancelling.path("jobs-running").asInt()).isEqualTo(2);
        assertThat(cancelling.path("slots-available").asInt()).isZero();

        advance(Duration.ofSeconds(1));
        submit(1);
        JsonNode overview = flink.get("/overview").json();

        assertThat(overview.path("jobs-running").asInt()).isEqualTo(2);
        assertThat(overview.path("jobs-finished").asInt()).isEqualTo(1);
        assertThat(overview.path("jobs-cancelled").asInt()).isEqualTo(1);
        assertThat(overview.path("jobs-failed").asInt()).isEqualTo(1);
        assertThat(overview.path("taskmanagers").asInt()).isEqualTo(1);
        assertThat(overview.path("slots-total").asInt()).isEqualTo(4);
        assertThat(overview.path("slots-available").asInt()).isEqualTo(1);

        advance(Duration.ofSeconds(1));
        assertThat(flink.get("/overview").json().path("slots-available").asInt()).isZero();
    }

    @Test
    void aFifthSlotRegistersASecondTaskManagerAndEarlierIdsStay() {
        String firstId = flink.get("/taskmanagers").json().path("taskmanagers").path(0).path("id").asText();
        FlinkJob big = submit(3);
        advance(Duration.ofSeconds(1));
        FlinkJob second = submit(2);
        advance(Duration.ofSeconds(1));

        JsonNode overview = flink.get("/overview").json();
        assertThat(overview.path("taskmanagers").asInt()).isEqualTo(2);
        assertThat(overview.path("slots-total").asInt()).isEqualTo(8);
        assertThat(overview.path("slots-available").asInt()).isEqualTo(3);

        JsonNode list = flink.get("/taskmanagers").json().path("taskmanagers");
        assertThat(list.size()).isEqualTo(2);
        assertThat(list.path(0).path("id").asText()).isEqualTo(firstId);
        assertThat(list.path(1).path("path").asText()).isEqualTo("pekko://flink/user/rpc/taskmanager_1");
        assertThat(list.path(0).path("freeSlots").asInt()).isZero();
        assertThat(list.path(0).path("assignedTasks").asInt()).isEqualTo(8);
        assertThat(list.path(1).path("freeSlots").asInt()).isEqualTo(3);
        assertThat(list.path(1).path("assignedTasks").asInt()).isEqualTo(2);

        String secondId = list.path(1).path("id").asText();
        assertThat(taskManagers().hostOf(big.id(), 2).orElseThrow().id()).isEqualTo(firstId);
        assertThat(taskManagers().hostOf(second.id(), 0).orElseThrow().id()).isEqualTo(firstId);
        assertThat(taskManagers().hostOf(second.id(), 1).orElseThrow().id()).isEqualTo(secondId);
        assertThat(taskManagers().hostOf(second.id(), 2)).isEmpty();
    }

    @Test
    void endedJobsFreeTheirSlotsButKeepTheirHostAndTheTaskManagersStay() {
        FlinkJob first = submit(4);
        advance(Duration.ofSeconds(1));
        FlinkJob second = submit(2);
        advance(Duration.ofSeconds(1));
        String secondHost = taskManagers().hostOf(second.id(), 0).orElseThrow().id();

        first.cancel();
        second.cancel();
        advance(Duration.ofSeconds(1));

        JsonNode overview = flink.get("/overview").json();
        assertThat(overview.path("taskmanagers").asInt()).isEqualTo(2);
        assertThat(overview.path("slots-available").asInt()).isEqualTo(8);
        assertThat(taskManagers().hostOf(second.id(), 0).orElseThrow().id()).isEqualTo(secondHost);

        FlinkJob third = submit(2);
        advance(Duration.ofSeconds(1));
        assertThat(taskManagers().hostOf(third.id(), 1).orElseThrow().index()).isZero();
    }

    @Test
    void aJobThatNeverRanHasNoHost() {
        FlinkJob job = submit(2);

        assertThat(taskManagers().hostOf(job.id(), 0)).isEmpty();
        assertThat(taskManagers().hostOf("0123456789abcdef0123456789abcdef", 0)).isEmpty();
    }

    @Test
    void resetLeavesOneFreshIdleTaskManager() {
        submit(4);
        submit(4);
        advance(Duration.ofSeconds(1));
        String before = taskManagers().list().get(0).id();

        emulator.flink().cluster().reset();

        assertThat(taskManagers().list()).hasSize(1);
        assertThat(taskManagers().list().get(0).id()).isNotEqualTo(before);
        assertThat(taskManagers().pool().availableSlots()).isEqualTo(4);
    }

    @Test
    void idleTaskManagerListHasFlinksShapeAndMiniClusterResources() {
        HttpResult result = flink.get("/taskmanagers");

        assertThat(result.status()).isEqualTo(200);
        JsonNode tm = result.json().path("taskmanagers").path(0);
        assertThat(fieldNames(tm)).isEqualTo(TASK_MANAGER_KEYS);
        assertThat(tm.path("id").asText()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(tm.path("path").asText()).isEqualTo("pekko://flink/user/rpc/taskmanager_0");
        assertThat(tm.path("slotsNumber").asInt()).isEqualTo(4);
        assertThat(tm.path("freeSlots").asInt()).isEqualTo(4);
        assertThat(tm.path("assignedTasks").asInt()).isZero();
        assertThat(tm.path("totalResource").toString()).isEqualTo("{\"cpuCores\":1000000.0,\"taskHeapMemory\":1048576,"
                + "\"taskOffHeapMemory\":1048576,\"managedMemory\":128,\"networkMemory\":64,\"extendedResources\":{}}");
        assertThat(tm.path("freeResource")).isEqualTo(tm.path("totalResource"));
        assertThat(fieldNames(tm.path("hardware"))).containsExactly("cpuCores", "physicalMemory", "freeMemory",
                "managedMemory");
        assertThat(fieldNames(tm.path("memoryConfiguration"))).containsExactly("frameworkHeap", "taskHeap",
                "frameworkOffHeap", "taskOffHeap", "networkMemory", "managedMemory", "jvmMetaspace", "jvmOverhead",
                "totalFlinkMemory", "totalProcessMemory");
    }

    @Test
    void taskManagerDetailsListTheSlotsARunningJobHolds() {
        FlinkJob job = submit(3);
        advance(Duration.ofSeconds(1));
        String id = taskManagers().list().get(0).id();

        HttpResult result = flink.get("/taskmanagers/" + id);

        assertThat(result.status()).isEqualTo(200);
        JsonNode details = result.json();
        List<String> keys = new ArrayList<>(TASK_MANAGER_KEYS);
        keys.addAll(List.of("allocatedSlots", "metrics"));
        assertThat(fieldNames(details)).isEqualTo(keys);
        assertThat(details.path("freeSlots").asInt()).isEqualTo(1);
        assertThat(details.path("assignedTasks").asInt()).isEqualTo(6);
        assertThat(details.path("freeResource").path("cpuCores").asDouble()).isEqualTo(250000.0);
        assertThat(details.path("freeResource").path("taskHeapMemory").asLong()).isEqualTo(262144);
        JsonNode slots = details.path("allocatedSlots");
        assertThat(slots.size()).isEqualTo(3);
        assertThat(fieldNames(slots.path(0))).containsExactly("jobId", "resource", "assignedTasks");
        assertThat(slots.path(0).path("jobId").asText()).isEqualTo(job.id());
        assertThat(slots.path(0).path("assignedTasks").asInt()).isEqualTo(2);
        assertThat(slots.path(0).path("resource").path("managedMemory").asInt()).isEqualTo(32);
        JsonNode metrics = details.path("metrics");
        assertThat(metrics.path("heapUsed").asLong()).isEqualTo(37796848L);
        assertThat(metrics.path("nonHeapMax").asLong()).isEqualTo(-1);
        assertThat(metrics.path("nettyShuffleMemorySegmentsTotal").asLong()).isEqualTo(2048);
        assertThat(metrics.path("garbageCollectors").path(1).toString())
                .isEqualTo("{\"name\":\"G1_Young_Generation\",\"count\":12,\"time\":77}");
    }

    @Test
    void unknownTaskManagerFailsAsFlinkDoesPerEndpoint() {
        HttpResult details = flink.get("/taskmanagers/does-not-exist");
        assertThat(details.status()).isEqualTo(500);
        assertThat(details.json().path("errors").path(0).asText()).isEqualTo("Internal server error.");
        assertThat(details.json().path("errors").path(1).asText()).startsWith("<Exception on server side:\n"
                + "org.apache.flink.runtime.resourcemanager.exceptions.UnknownTaskExecutorException: No TaskExecutor"
                + " registered under does-not-exist.\n");

        HttpResult threadDump = flink.get("/taskmanagers/does-not-exist/thread-dump");
        assertThat(threadDump.status()).isEqualTo(500);
        assertThat(threadDump.json().path("errors").path(1).asText()).contains("UnknownTaskExecutorException");

        HttpResult logs = flink.get("/taskmanagers/does-not-exist/logs");
        assertThat(logs.status()).isEqualTo(404);
        assertThat(logs.firstErrorLine()).isEqualTo(REST_HANDLER + "Could not find TaskExecutor does-not-exist");
        assertThat(logs.firstError()).contains("Caused by: org.apache.flink.runtime.resourcemanager.exceptions"
                + ".UnknownTaskExecutorException: No TaskExecutor registered under does-not-exist.");

        HttpResult metrics = flink.get("/taskmanagers/does-not-exist/metrics");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).isEqualTo("[]");
    }

    @Test
    void taskManagerMetricsAreListedAndReadInFlinksOrder() {
        String id = taskManagers().list().get(0).id();

        JsonNode list = flink.get("/taskmanagers/" + id + "/metrics").json();
        assertThat(ids(list)).isEqualTo(TASK_MANAGER_METRICS);
        assertThat(fieldNames(list.path(0))).containsExactly("id");

        HttpResult two = flink.get("/taskmanagers/" + id + "/metrics?get=Status.JVM.Memory.Heap.Used,"
                + "Status.JVM.CPU.Load");
        assertThat(two.body()).isEqualTo("[{\"id\":\"Status.JVM.CPU.Load\",\"value\":\"0.0\"},"
                + "{\"id\":\"Status.JVM.Memory.Heap.Used\",\"value\":\"37796848\"}]");

        assertThat(flink.get("/taskmanagers/" + id + "/metrics?get=no.such.metric").body()).isEqualTo("[]");
    }

    @Test
    void aggregatedTaskManagerMetricsFollowFlinksAggregations() {
        String id = taskManagers().list().get(0).id();

        assertThat(ids(flink.get("/taskmanagers/metrics").json())).isEqualTo(TASK_MANAGER_METRICS);
        assertThat(flink.get("/taskmanagers/metrics?get=Status.JVM.Memory.Heap.Used").body())
                .isEqualTo("[{\"id\":\"Status.JVM.Memory.Heap.Used\",\"min\":3.7796848E7,\"max\":3.7796848E7,"
                        + "\"avg\":3.7796848E7,\"sum\":3.7796848E7,\"skew\":0.0}]");
        assertThat(flink.get("/taskmanagers/metrics?get=Status.JVM.Memory.Heap.Used&agg=max,sum").body())
                .isEqualTo("[{\"id\":\"Status.JVM.Memory.Heap.Used\",\"max\":3.7796848E7,\"sum\":3.7796848E7}]");
        assertThat(flink.get("/taskmanagers/metrics?get=Status.JVM.Memory.Heap.Used&taskmanagers=" + id).json()
                .path(0).path("sum").asDouble()).isEqualTo(3.7796848E7);
        assertThat(flink.get("/taskmanagers/metrics?get=Status.JVM.Memory.Heap.Used&taskmanagers=nope").body())
                .isEqualTo("[]");
        assertThat(flink.get("/taskmanagers/metrics?get=Status.JVM.CPU.Load,no.such.metric").body())
                .isEqualTo("[]");
    }

    @Test
    void aggregatedTaskManagerMetricsSumOverEveryTaskManager() {
        submit(4);
        submit(1);
        advance(Duration.ofSeconds(1));

        JsonNode heap = flink.get("/taskmanagers/metrics?get=Status.Shuffle.Netty.TotalMemory&agg=sum,min").json();

        assertThat(heap.toString()).isEqualTo("[{\"id\":\"Status.Shuffle.Netty.TotalMemory\",\"min\":6.7108864E7,"
                + "\"sum\":1.34217728E8}]");
    }

    @Test
    void unknownAggregationIsABadQueryParameter() {
        HttpResult result = flink.get("/taskmanagers/metrics?get=Status.JVM.Memory.Heap.Used&agg=bogus");

        assertThat(result.status()).isEqualTo(400);
        assertThat(result.firstErrorLine()).isEqualTo(REST_HANDLER + "Bad request, could not parse parameters: "
                + "Cannot resolve query parameter (agg) from value \"bogus\".");
    }

    @Test
    void jobManagerConfigHasTheKeysThatMatterWithTheReachedAddress() {
        URI base = URI.create(flink.baseUrl());

        HttpResult result = flink.get("/jobmanager/config");

        assertThat(result.status()).isEqualTo(200);
        Map<String, String> options = new HashMap<>();
        result.json().forEach(entry -> {
            assertThat(fieldNames(entry)).containsExactly("key", "value");
            options.put(entry.path("key").asText(), entry.path("value").asText());
        });
        assertThat(options).containsEntry("rest.port", String.valueOf(base.getPort()))
                .containsEntry("rest.address", base.getHost())
                .containsEntry("jobmanager.rpc.address", base.getHost())
                .containsEntry("parallelism.default", "1")
                .containsEntry("execution.checkpointing.savepoint-dir", FlinkCluster.DEFAULT_SAVEPOINT_DIR)
                .containsEntry("web.submit.enable", "true")
                .containsEntry("taskmanager.numberOfTaskSlots", "4");
    }

    @Test
    void jobManagerEnvironmentLogsAndThreadDumpHaveFlinksShape() {
        JsonNode environment = flink.get("/jobmanager/environment").json();
        assertThat(fieldNames(environment)).containsExactly("jvm", "classpath");
        assertThat(fieldNames(environment.path("jvm"))).containsExactly("version", "arch", "options");
        assertThat(environment.path("classpath").toString()).contains("flink-dist-2.3.0.jar");

        submit(1);
        JsonNode logs = flink.get("/jobmanager/logs").json();
        assertThat(fieldNames(logs.path("logs").path(0))).containsExactly("name", "size", "mtime");
        assertThat(logs.path("logs").path(0).path("name").asText()).isEqualTo("flink-jobmanager.log");
        assertThat(logs.path("logs").path(0).path("mtime").asLong()).isEqualTo(emulator.clock().millis());

        JsonNode dump = flink.get("/jobmanager/thread-dump").json();
        assertThat(fieldNames(dump.path("threadInfos").path(0))).containsExactly("threadName",
                "stringifiedThreadInfo");
        assertThat(dump.path("threadInfos").path(0).path("stringifiedThreadInfo").asText())
                .startsWith("\"main\" Id=1 ");
    }

    @Test
    void taskManagerLogsAndThreadDumpShowWhatItRuns() {
        FlinkJob job = submit(2);
        advance(Duration.ofSeconds(1));
        String id = taskManagers().hostOf(job.id(), 1).orElseThrow().id();

        JsonNode logs = flink.get("/taskmanagers/" + id + "/logs").json();
        assertThat(logs.path("logs").path(0).path("name").asText()).isEqualTo("flink-jobmanager.log");

        List<String> threads = new ArrayList<>();
        flink.get("/taskmanagers/" + id + "/thread-dump").json().path("threadInfos")
                .forEach(thread -> threads.add(thread.path("threadName").asText()));
        assertThat(threads).contains("Source: Emulated Source (1/2)#0", "Sink: Emulated Sink (2/2)#0");
    }

    @Test
    void jobManagerMetricsReportTheEmulatedCluster() {
        assertThat(ids(flink.get("/jobmanager/metrics").json())).isEqualTo(JOB_MANAGER_METRICS);

        submit(3);
        submit(2);
        advance(Duration.ofSeconds(1));
        HttpResult result = flink.get("/jobmanager/metrics?get=numRunningJobs,taskSlotsAvailable,taskSlotsTotal,"
                + "numRegisteredTaskManagers");

        assertThat(result.body()).isEqualTo("[{\"id\":\"numRunningJobs\",\"value\":\"2\"},"
                + "{\"id\":\"numRegisteredTaskManagers\",\"value\":\"2\"},"
                + "{\"id\":\"taskSlotsAvailable\",\"value\":\"3\"},{\"id\":\"taskSlotsTotal\",\"value\":\"8\"}]");
    }

    @Test
    void aggregatedJobMetricsCoverTheJobsThatRun() {
        assertThat(flink.get("/jobs/metrics").body()).isEqualTo("[]");
        assertThat(flink.get("/jobs/metrics?get=numRestarts").body()).isEqualTo("[]");

        FlinkJob older = submit(1);
        advance(Duration.ofSeconds(1));
        FlinkJob newer = submit(1);
        advance(Duration.ofSeconds(1));

        JsonNode names = flink.get("/jobs/metrics").json();
        assertThat(ids(names)).contains("uptime", "numRestarts").doesNotHaveDuplicates();
        HttpResult all = flink.get("/jobs/metrics?get=numRestarts,uptime");
        assertThat(all.body()).isEqualTo("[{\"id\":\"numRestarts\",\"min\":0.0,\"max\":0.0,\"avg\":0.0,\"sum\":0.0,"
                + "\"skew\":0.0},{\"id\":\"uptime\",\"min\":700.0,\"max\":1700.0,\"avg\":1200.0,\"sum\":2400.0,"
                + "\"skew\":41.66666666666667}]");
        assertThat(flink.get("/jobs/metrics?get=uptime&agg=min,max&jobs=" + older.id()).body())
                .isEqualTo("[{\"id\":\"uptime\",\"min\":1700.0,\"max\":1700.0}]");
        assertThat(flink.get("/jobs/metrics?get=lastCheckpointExternalPath").body()).isEqualTo("[]");

        newer.cancel();
        advance(Duration.ofSeconds(1));
        assertThat(flink.get("/jobs/metrics?get=uptime&agg=sum").body())
                .isEqualTo("[{\"id\":\"uptime\",\"sum\":2700.0}]");
    }

    @Test
    void malformedJobFilterIsABadQueryParameter() {
        HttpResult result = flink.get("/jobs/metrics?get=uptime&jobs=nothex");

        assertThat(result.status()).isEqualTo(400);
        assertThat(result.firstErrorLine()).isEqualTo(REST_HANDLER + "Bad request, could not parse parameters: "
                + "Cannot resolve query parameter (jobs) from value \"nothex\".");
    }

    @Test
    void deleteClusterAnswersButTheEmulatorKeepsServing() {
        HttpResult result = flink.delete("/cluster");

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.body()).isEqualTo("{}");
        assertThat(flink.get("/overview").status()).isEqualTo(200);
    }

    @Test
    void deleteClusterWithANonJsonBodyIsRefused() {
        HttpResult result = flink.send("DELETE", "/cluster", "not json".getBytes(), "application/json");

        assertThat(result.status()).isEqualTo(400);
        assertThat(result.firstErrorLine()).isEqualTo(REST_HANDLER
                + "Request did not match expected format EmptyRequestBody.");
    }

    @Test
    void dataSetsAreAlwaysEmpty() {
        HttpResult result = flink.get("/datasets");

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.body()).isEqualTo("{\"dataSets\":[]}");
    }
}
