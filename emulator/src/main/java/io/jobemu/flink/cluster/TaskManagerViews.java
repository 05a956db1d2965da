package io.jobemu.flink.cluster;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobemu.core.http.Json;
import io.jobemu.flink.cluster.TaskManagers.AllocatedSlot;
import io.jobemu.flink.cluster.TaskManagers.Pool;
import io.jobemu.flink.cluster.TaskManagers.TaskManager;

/**
 * Task manager views as Flink 2.3 renders them. Resources and memory are a MiniCluster task executor's (its
 * "unlimited" CPU and task heap); each slot holds a quarter of the task manager's resources.
 */
final class TaskManagerViews {

    private static final double CPU_CORES_PER_SLOT = 250000.0;
    /** Task heap and off-heap per slot, in MB as Flink reports resource profiles. */
    private static final long TASK_MEMORY_MB_PER_SLOT = 262144;
    private static final long MANAGED_MEMORY_MB_PER_SLOT = 32;
    private static final long NETWORK_MEMORY_MB_PER_SLOT = 16;

    private TaskManagerViews() {
    }

    /** An entry of {@code GET /taskmanagers}. */
    static ObjectNode summary(TaskManager taskManager, Pool pool, long now) {
        int freeSlots = pool.freeSlotsOf(taskManager);
        ObjectNode view = Json.object()
                .put("id", taskManager.id())
                .put("path", taskManager.path())
                .put("dataPort", -1)
                .put("jmxPort", -1)
                // Flink fills this with the time of the last heartbeat, not a duration; heartbeats are continuous.
                .put("timeSinceLastHeartbeat", now)
                .put("slotsNumber", TaskManagers.SLOTS_PER_TASK_MANAGER)
                .put("freeSlots", freeSlots)
                .put("assignedTasks", pool.assignedTasksOf(taskManager));
        view.set("totalResource", resource(TaskManagers.SLOTS_PER_TASK_MANAGER));
        view.set("freeResource", resource(freeSlots));
        view.putObject("hardware")
                .put("cpuCores", 2)
                .put("physicalMemory", 25276502016L)
                .put("freeMemory", 536870912L)
                .put("managedMemory", 134217728L);
        view.putObject("memoryConfiguration")
                .put("frameworkHeap", 134217728L)
                .put("taskHeap", 1099511627776L)
                .put("frameworkOffHeap", 134217728L)
                .put("taskOffHeap", 1099511627776L)
                .put("networkMemory", 67108864L)
                .put("managedMemory", 134217728L)
                .put("jvmMetaspace", 268435456L)
                .put("jvmOverhead", 1073741824L)
                .put("totalFlinkMemory", 2199493017600L)
                .put("totalProcessMemory", 2200835194880L);
        return view;
    }

    /** {@code GET /taskmanagers/{taskmanagerid}}: the summary plus allocated slots and JVM metrics. */
    static ObjectNode details(TaskManager taskManager, Pool pool, long now) {
        ObjectNode view = summary(taskManager, pool, now);
        ArrayNode slots = view.putArray("allocatedSlots");
        for (AllocatedSlot slot : pool.slotsOf(taskManager)) {
            ObjectNode entry = slots.addObject().put("jobId", slot.job().id());
            entry.set("resource", resource(1));
            entry.put("assignedTasks", slot.tasks());
        }
        view.set("metrics", metrics());
        return view;
    }

    private static ObjectNode resource(int slots) {
        ObjectNode resource = Json.object()
                .put("cpuCores", CPU_CORES_PER_SLOT * slots)
                .put("taskHeapMemory", TASK_MEMORY_MB_PER_SLOT * slots)
                .put("taskOffHeapMemory", TASK_MEMORY_MB_PER_SLOT * slots)
                .put("managedMemory", MANAGED_MEMORY_MB_PER_SLOT * slots)
                .put("networkMemory", NETWORK_MEMORY_MB_PER_SLOT * slots);
        resource.putObject("extendedResources");
        return resource;
    }

    /** The details' {@code metrics}, read from the same values {@code /taskmanagers/{id}/metrics} reports. */
    private static ObjectNode metrics() {
        ObjectNode metrics = Json.object()
                .put("heapUsed", metric("Status.JVM.Memory.Heap.Used"))
                .put("heapCommitted", metric("Status.JVM.Memory.Heap.Committed"))
                .put("heapMax", metric("Status.JVM.Memory.Heap.Max"))
                .put("nonHeapUsed", metric("Status.JVM.Memory.NonHeap.Used"))
                .put("nonHeapCommitted", metric("Status.JVM.Memory.NonHeap.Committed"))
                .put("nonHeapMax", metric("Status.JVM.Memory.NonHeap.Max"))
                .put("directCount", metric("Status.JVM.Memory.Direct.Count"))
                .put("directUsed", metric("Status.JVM.Memory.Direct.MemoryUsed"))
                .put("directMax", metric("Status.JVM.Memory.Direct.TotalCapacity"))
                .put("mappedCount", metric("Status.JVM.Memory.Mapped.Count"))
                .put("mappedUsed", metric("Status.JVM.Memory.Mapped.MemoryUsed"))
                .put("mappedMax", metric("Status.JVM.Memory.Mapped.TotalCapacity"))
                .put("nettyShuffleMemorySegmentsAvailable", metric("Status.Shuffle.Netty.AvailableMemorySegments"))
                .put("nettyShuffleMemorySegmentsUsed", metric("Status.Shuffle.Netty.UsedMemorySegments"))
                .put("nettyShuffleMemorySegmentsTotal", metric("Status.Shuffle.Netty.TotalMemorySegments"))
                .put("nettyShuffleMemoryAvailable", metric("Status.Shuffle.Netty.AvailableMemory"))
                .put("nettyShuffleMemoryUsed", metric("Status.Shuffle.Netty.UsedMemory"))
                .put("nettyShuffleMemoryTotal", metric("Status.Shuffle.Netty.TotalMemory"));
        ArrayNode collectors = metrics.putArray("garbageCollectors");
        for (String collector : new String[] {"All", "G1_Young_Generation", "G1_Old_Generation"}) {
            String prefix = "Status.JVM.GarbageCollector." + collector;
            collectors.addObject()
                    .put("name", collector)
                    .put("count", metric(prefix + ".Count"))
                    .put("time", metric(prefix + ".Time"));
        }
        return metrics;
    }

    private static long metric(String name) {
        return ProcessMetrics.taskManagerLong(name);
    }
}
