package io.jobemu.flink.cluster;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobemu.core.http.Json;
import io.jobemu.flink.cluster.TaskManagers.AllocatedSlot;
import io.jobemu.flink.cluster.TaskManagers.Pool;
import io.jobemu.flink.cluster.TaskManagers.TaskManager;
import io.jobemu.flink.jobs.JobVertex;
import java.util.List;

/**
 * {@code {"threadInfos":[{"threadName","stringifiedThreadInfo"}]}} thread dumps. Job manager and task managers
 * share one JVM (as in a MiniCluster), so every dump shows the framework threads; a task manager's also shows its
 * network threads and one thread per task it runs, named as Flink names task threads.
 */
final class ThreadDumps {

    private record Thread(String name, String state, String frame) {
    }

    private static final List<Thread> JVM_THREADS = List.of(
            new Thread("main", "WAITING", "java.base@17.0.15/java.lang.Object.wait(Native Method)"),
            new Thread("Reference Handler", "RUNNABLE",
                    "java.base@17.0.15/java.lang.ref.Reference.waitForReferencePendingList(Native Method)"),
            new Thread("Finalizer", "WAITING", "java.base@17.0.15/java.lang.Object.wait(Native Method)"),
            new Thread("Signal Dispatcher", "RUNNABLE", null));

    private static final List<Thread> JOB_MANAGER_THREADS = List.of(
            new Thread("flink-pekko.actor.default-dispatcher-4", "WAITING",
                    "java.base@17.0.15/jdk.internal.misc.Unsafe.park(Native Method)"),
            new Thread("flink-rest-server-netty-boss-thread-1", "RUNNABLE",
                    "java.base@17.0.15/sun.nio.ch.EPoll.wait(Native Method)"),
            new Thread("flink-rest-server-netty-worker-thread-1", "RUNNABLE",
                    "java.base@17.0.15/sun.nio.ch.EPoll.wait(Native Method)"),
            new Thread("Flink-DispatcherRestEndpoint-thread-1", "TIMED_WAITING",
                    "java.base@17.0.15/jdk.internal.misc.Unsafe.park(Native Method)"));

    private static final List<Thread> TASK_MANAGER_THREADS = List.of(
            new Thread("flink-pekko.actor.default-dispatcher-5", "WAITING",
                    "java.base@17.0.15/jdk.internal.misc.Unsafe.park(Native Method)"),
            new Thread("Flink Netty Server (0) Thread 0", "RUNNABLE",
                    "java.base@17.0.15/sun.nio.ch.EPoll.wait(Native Method)"),
            new Thread("IOManager reader thread #1", "WAITING",
                    "java.base@17.0.15/jdk.internal.misc.Unsafe.park(Native Method)"));

    private static final String TASK_FRAME = "app//org.apache.flink.streaming.runtime.tasks.mailbox.TaskMailboxImpl"
            + ".take(TaskMailboxImpl.java:149)";

    private ThreadDumps() {
    }

    static ObjectNode jobManager() {
        ObjectNode view = Json.object();
        ArrayNode threads = view.putArray("threadInfos");
        JVM_THREADS.forEach(thread -> add(threads, thread));
        JOB_MANAGER_THREADS.forEach(thread -> add(threads, thread));
        return view;
    }

    static ObjectNode taskManager(TaskManager taskManager, Pool pool) {
        ObjectNode view = jobManager();
        ArrayNode threads = (ArrayNode) view.get("threadInfos");
        TASK_MANAGER_THREADS.forEach(thread -> add(threads, thread));
        for (AllocatedSlot slot : pool.slotsOf(taskManager)) {
            int attempt = slot.job().restartsDone();
            for (JobVertex vertex : slot.vertices()) {
                String name = vertex.name() + " (" + (slot.jobSlot() + 1) + "/" + vertex.parallelism() + ")#"
                        + attempt;
                add(threads, new Thread(name, "WAITING", TASK_FRAME));
            }
        }
        return view;
    }

    private static void add(ArrayNode threads, Thread thread) {
        int id = threads.size() + 1;
        StringBuilder info = new StringBuilder("\"").append(thread.name()).append("\" Id=").append(id).append(' ')
                .append(thread.state()).append('\n');
        if (thread.frame() != null) {
            info.append("\tat ").append(thread.frame()).append('\n');
        }
        info.append('\n');
        threads.addObject().put("threadName", thread.name()).put("stringifiedThreadInfo", info.toString());
    }
}
