package io.jobemu.flink.cluster;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The metrics the job manager and task managers report about their process. JVM readings are fixed, plausible
 * values (the emulated cluster is one MiniCluster-like JVM, so both sides report the same ones); the cluster gauges
 * follow the emulated state. Flink sends every metric value as a string.
 *
 * <p>The metrics are kept in the order a real job manager or task manager registers them: Flink lists them from a
 * hash set, where names sharing a hash bucket come out in insertion order.
 */
final class ProcessMetrics {

    /** A task manager's metrics and their values, in its registration order. */
    private static final String[][] TASK_MANAGER_METRICS = {
            {"Status.JVM.Memory.Mapped.TotalCapacity", "0"},
            {"Status.JVM.Memory.Mapped.MemoryUsed", "0"},
            {"Status.JVM.GarbageCollector.All.TimeMsPerSecond", "0.0"},
            {"Status.JVM.CPU.Time", "9630000000"},
            {"Status.Flink.Memory.Managed.Total", "134217728"},
            {"Status.JVM.GarbageCollector.G1_Young_Generation.Count", "12"},
            {"Status.JVM.Threads.Count", "96"},
            {"Status.JVM.GarbageCollector.G1_Old_Generation.TimeMsPerSecond", "0.0"},
            {"Status.Shuffle.Netty.UsedMemory", "360448"},
            {"Status.Shuffle.Netty.TotalMemory", "67108864"},
            {"Status.JVM.Memory.Heap.Committed", "226492416"},
            {"Status.JVM.GarbageCollector.All.Count", "12"},
            {"Status.JVM.FileDescriptor.Max", "1048576"},
            {"Status.Shuffle.Netty.RequestedMemoryUsage", "0"},
            {"Status.JVM.Memory.Metaspace.Committed", "73400320"},
            {"Status.JVM.GarbageCollector.G1_Young_Generation.TimeMsPerSecond", "0.0"},
            {"Status.JVM.Memory.Direct.Count", "2077"},
            {"Status.Shuffle.Netty.AvailableMemorySegments", "2037"},
            {"Status.JVM.Memory.NonHeap.Max", "-1"},
            {"Status.Shuffle.Netty.TotalMemorySegments", "2048"},
            {"Status.JVM.Memory.NonHeap.Committed", "95354880"},
            {"Status.JVM.Memory.NonHeap.Used", "90640768"},
            {"Status.JVM.GarbageCollector.G1_Old_Generation.Count", "0"},
            {"Status.JVM.GarbageCollector.All.Time", "77"},
            {"Status.JVM.Memory.Metaspace.Max", "268435456"},
            {"Status.JVM.Memory.Direct.MemoryUsed", "70329435"},
            {"Status.JVM.Memory.Direct.TotalCapacity", "70329434"},
            {"Status.JVM.GarbageCollector.G1_Old_Generation.Time", "0"},
            {"Status.Shuffle.Netty.UsedMemorySegments", "11"},
            {"Status.JVM.ClassLoader.ClassesLoaded", "11250"},
            {"Status.JVM.Memory.Mapped.Count", "0"},
            {"Status.JVM.Memory.Metaspace.Used", "71832120"},
            {"Status.Flink.Memory.Managed.Used", "0"},
            {"Status.JVM.CPU.Load", "0.0"},
            {"Status.JVM.Memory.Heap.Used", "37796848"},
            {"Status.JVM.Memory.Heap.Max", "536870912"},
            {"Status.JVM.ClassLoader.ClassesUnloaded", "0"},
            {"Status.Shuffle.Netty.AvailableMemory", "66748416"},
            {"Status.JVM.GarbageCollector.G1_Young_Generation.Time", "77"},
            {"Status.JVM.FileDescriptor.Open", "212"}};

    /** A job manager's metrics in its registration order: the JVM's (valued as above) and the cluster gauges. */
    private static final String[] JOB_MANAGER_METRICS = {
            "Status.JVM.Memory.Mapped.TotalCapacity", "taskSlotsAvailable", "Status.JVM.Memory.Mapped.MemoryUsed",
            "taskSlotsTotal", "Status.JVM.GarbageCollector.All.TimeMsPerSecond", "Status.JVM.CPU.Time",
            "Status.JVM.GarbageCollector.G1_Young_Generation.Count", "Status.JVM.Threads.Count",
            "Status.JVM.GarbageCollector.G1_Old_Generation.TimeMsPerSecond", "Status.JVM.Memory.Heap.Committed",
            "Status.JVM.GarbageCollector.All.Count", "Status.JVM.FileDescriptor.Max",
            "Status.JVM.Memory.Metaspace.Committed",
            "Status.JVM.GarbageCollector.G1_Young_Generation.TimeMsPerSecond", "Status.JVM.Memory.Direct.Count",
            "Status.JVM.Memory.NonHeap.Max", "numRegisteredTaskManagers", "Status.JVM.Memory.NonHeap.Committed",
            "Status.JVM.Memory.NonHeap.Used", "Status.JVM.GarbageCollector.All.Time",
            "Status.JVM.GarbageCollector.G1_Old_Generation.Count", "Status.JVM.Memory.Metaspace.Max",
            "Status.JVM.Memory.Direct.MemoryUsed", "Status.JVM.GarbageCollector.G1_Old_Generation.Time",
            "Status.JVM.Memory.Direct.TotalCapacity", "numRunningJobs", "Status.JVM.ClassLoader.ClassesLoaded",
            "Status.JVM.Memory.Mapped.Count", "Status.JVM.Memory.Metaspace.Used", "Status.JVM.CPU.Load",
            "Status.JVM.Memory.Heap.Used", "Status.JVM.Memory.Heap.Max", "Status.JVM.ClassLoader.ClassesUnloaded",
            "Status.JVM.FileDescriptor.Open", "Status.JVM.GarbageCollector.G1_Young_Generation.Time"};

    private static final Map<String, String> TASK_MANAGER = taskManagerMetrics();

    private ProcessMetrics() {
    }

    static Map<String, String> taskManager() {
        return TASK_MANAGER;
    }

    /** A task manager metric read as a number (for the details view's {@code metrics}). */
    static long taskManagerLong(String name) {
        return Long.parseLong(TASK_MANAGER.get(name));
    }

    static Map<String, String> jobManager(TaskManagers.Pool pool, long runningJobs) {
        Map<String, String> gauges = Map.of(
                "taskSlotsAvailable", String.valueOf(pool.availableSlots()),
                "taskSlotsTotal", String.valueOf(pool.totalSlots()),
                "numRegisteredTaskManagers", String.valueOf(pool.taskManagers().size()),
                "numRunningJobs", String.valueOf(runningJobs));
        Map<String, String> metrics = new LinkedHashMap<>();
        for (String name : JOB_MANAGER_METRICS) {
            metrics.put(name, gauges.getOrDefault(name, TASK_MANAGER.get(name)));
        }
        return metrics;
    }

    private static Map<String, String> taskManagerMetrics() {
        Map<String, String> metrics = new LinkedHashMap<>();
        for (String[] metric : TASK_MANAGER_METRICS) {
            metrics.put(metric[0], metric[1]);
        }
        return Collections.unmodifiableMap(metrics);
    }
}
