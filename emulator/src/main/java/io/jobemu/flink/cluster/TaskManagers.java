package io.jobemu.flink.cluster;

import io.jobemu.core.EmulatorContext;
import io.jobemu.core.state.StateMachine;
import io.jobemu.flink.jobs.FlinkJob;
import io.jobemu.flink.jobs.JobStatus;
import io.jobemu.flink.jobs.JobStore;
import io.jobemu.flink.jobs.JobVertex;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The emulated task managers. Like Flink's MiniCluster the pool starts with one task manager of
 * {@link #SLOTS_PER_TASK_MANAGER} slots; unlike it, the pool registers another task manager whenever the jobs need
 * more slots than it has, so every job gets its slots. Task managers stay registered (with stable ids) until
 * {@link #reset()}.
 *
 * <p>Which job holds which slot is replayed from the jobs' state histories: in time order, a job takes the lowest free
 * slots when it starts holding slots (filling task managers in order) and frees them when it stops. The assignment
 * therefore does not depend on when anyone looked, and finished jobs keep the slots they last had. The replay is
 * kept until a job is added or changes state, so reads between changes cost no more with many jobs than with few.
 */
public final class TaskManagers {

    /** {@code taskmanager.numberOfTaskSlots}. */
    public static final int SLOTS_PER_TASK_MANAGER = 4;

    /** The job states in which a job holds slots: those where {@link FlinkJob#slotsInUse()} is not 0. */
    private static final Set<JobStatus> HOLDING_SLOTS = EnumSet.of(JobStatus.RUNNING, JobStatus.CANCELLING,
            JobStatus.FAILING, JobStatus.RESTARTING, JobStatus.RECONCILING);

    /**
     * At the same instant, releases by jobs that held slots before it come first; then older jobs first, each job's
     * own events in the order they happened (a job can take and free its slots within one instant).
     */
    private static final Comparator<SlotEvent> REPLAY_ORDER = Comparator.comparingLong(SlotEvent::at)
            .thenComparing(SlotEvent::releasesEarlierHold, Comparator.reverseOrder())
            .thenComparingLong(e -> e.job().startTime())
            .thenComparing(e -> e.job().id())
            .thenComparingInt(SlotEvent::sequence);

    /** One task manager; {@code index} is its registration order. */
    public record TaskManager(String id, int index) {

        /** The RPC path Flink reports ({@code taskmanager_<index>} in a MiniCluster). */
        public String path() {
            return "pekko://flink/user/rpc/taskmanager_" + index;
        }
    }

    /**
     * Slot {@code slotNumber} of {@code taskManager}, held by {@code job} for its subtasks with index
     * {@code jobSlot}: with slot sharing that slot runs one subtask of every vertex with a higher parallelism.
     */
    public record AllocatedSlot(TaskManager taskManager, int slotNumber, FlinkJob job, int jobSlot) {

        /** The vertices with a subtask in this slot. */
        public List<JobVertex> vertices() {
            return job.vertices().stream().filter(v -> v.parallelism() > jobSlot).toList();
        }

        public int tasks() {
            return vertices().size();
        }
    }

    /** The pool at one moment: the registered task managers and the slots jobs hold now, in slot order. */
    public record Pool(List<TaskManager> taskManagers, List<AllocatedSlot> allocated) {

        public int totalSlots() {
            return taskManagers.size() * SLOTS_PER_TASK_MANAGER;
        }

        public int availableSlots() {
            return totalSlots() - allocated.size();
        }

        public List<AllocatedSlot> slotsOf(TaskManager taskManager) {
            return allocated.stream().filter(slot -> slot.taskManager().equals(taskManager)).toList();
        }

        public int freeSlotsOf(TaskManager taskManager) {
            return SLOTS_PER_TASK_MANAGER - slotsOf(taskManager).size();
        }

        public int assignedTasksOf(TaskManager taskManager) {
            return slotsOf(taskManager).stream().mapToInt(AllocatedSlot::tasks).sum();
        }

        public Optional<TaskManager> find(String taskManagerId) {
            return taskManagers.stream().filter(tm -> tm.id().equals(taskManagerId)).findFirst();
        }
    }

    /**
     * A job starting ({@code request}) or stopping to hold its slots at clock time {@code at}; {@code sequence} is
     * its place among the job's events, {@code releasesEarlierHold} whether it frees slots taken before {@code at}.
     */
    private record SlotEvent(long at, boolean request, FlinkJob job, int slots, int sequence,
                             boolean releasesEarlierHold) {
    }

    /** The global slot numbers a job got at its latest request, in subtask order, and whether it holds them now. */
    private record Lease(FlinkJob job, List<Integer> slots, boolean held) {
    }

    private final EmulatorContext context;
    private final JobStore jobs;
    private final List<TaskManager> registered = new ArrayList<>();
    /** The latest replay, valid while the job store's version is {@link #replayedVersion}. */
    private Map<String, Lease> leases = Map.of();
    private long replayedVersion = -1;

    public TaskManagers(EmulatorContext context, JobStore jobs) {
        this.context = context;
        this.jobs = jobs;
        reset();
    }

    /** The task managers and current slot allocation, as one consistent picture. */
    public synchronized Pool pool() {
        List<AllocatedSlot> allocated = new ArrayList<>();
        leases().values().stream().filter(Lease::held).forEach(lease -> {
            for (int jobSlot = 0; jobSlot < lease.slots().size(); jobSlot++) {
                allocated.add(slot(lease.slots().get(jobSlot), lease.job(), jobSlot));
            }
        });
        allocated.sort(Comparator.comparingInt((AllocatedSlot s) -> s.taskManager().index())
                .thenComparingInt(AllocatedSlot::slotNumber));
        return new Pool(List.copyOf(registered), List.copyOf(allocated));
    }

    public List<TaskManager> list() {
        return pool().taskManagers();
    }

    public Optional<TaskManager> find(String taskManagerId) {
        return pool().find(taskManagerId);
    }

    /**
     * The task manager that runs subtask {@code subtaskIndex} of the job's vertices now, or ran it last. Empty when
     * the job never held slots (it has not reached RUNNING) or has no such subtask.
     */
    public synchronized Optional<TaskManager> hostOf(String jobId, int subtaskIndex) {
        Lease lease = leases().get(jobId);
        if (lease == null || subtaskIndex < 0 || subtaskIndex >= lease.slots().size()) {
            return Optional.empty();
        }
        return Optional.of(taskManagerOfSlot(lease.slots().get(subtaskIndex)));
    }

    /** Back to one fresh, idle task manager. */
    public synchronized void reset() {
        registered.clear();
        leases = Map.of();
        replayedVersion = -1;
        register();
    }

    /** The current leases; replays the histories only when a job was added or changed state since the last time. */
    private Map<String, Lease> leases() {
        long version = jobs.version();
        if (version != replayedVersion) {
            leases = replay();
            replayedVersion = version;
        }
        return leases;
    }

    private Map<String, Lease> replay() {
        List<SlotEvent> events = new ArrayList<>();
        for (FlinkJob job : jobs.all()) {
            job.inspect(j -> events.addAll(slotEvents(j)));
        }
        events.sort(REPLAY_ORDER);
        TreeSet<Integer> free = new TreeSet<>();
        int capacity = 0;
        Map<String, Lease> replayed = new HashMap<>();
        for (SlotEvent event : events) {
            if (!event.request()) {
                Lease lease = replayed.get(event.job().id());
                free.addAll(lease.slots());
                replayed.put(event.job().id(), new Lease(lease.job(), lease.slots(), false));
                continue;
            }
            while (free.size() < event.slots()) {
                for (int i = 0; i < SLOTS_PER_TASK_MANAGER; i++) {
                    free.add(capacity++);
                }
            }
            List<Integer> slots = new ArrayList<>();
            for (int i = 0; i < event.slots(); i++) {
                slots.add(free.pollFirst());
            }
            replayed.put(event.job().id(), new Lease(event.job(), List.copyOf(slots), true));
        }
        while (registered.size() * SLOTS_PER_TASK_MANAGER < capacity) {
            register();
        }
        return replayed;
    }

    /** Call under the job's lock. */
    private static List<SlotEvent> slotEvents(FlinkJob job) {
        int slots = job.vertices().stream().mapToInt(JobVertex::parallelism).max().orElse(0);
        List<SlotEvent> events = new ArrayList<>();
        if (slots == 0) {
            return events;
        }
        boolean holding = false;
        long requestedAt = Long.MIN_VALUE;
        for (StateMachine.Transition<JobStatus> transition : job.history()) {
            boolean holdsNext = HOLDING_SLOTS.contains(transition.to());
            if (holdsNext != holding) {
                events.add(new SlotEvent(transition.at(), holdsNext, job, slots, events.size(),
                        !holdsNext && requestedAt < transition.at()));
                if (holdsNext) {
                    requestedAt = transition.at();
                }
            }
            holding = holdsNext;
        }
        return events;
    }

    private AllocatedSlot slot(int globalSlot, FlinkJob job, int jobSlot) {
        return new AllocatedSlot(taskManagerOfSlot(globalSlot), globalSlot % SLOTS_PER_TASK_MANAGER, job, jobSlot);
    }

    private TaskManager taskManagerOfSlot(int globalSlot) {
        return registered.get(globalSlot / SLOTS_PER_TASK_MANAGER);
    }

    private void register() {
        registered.add(new TaskManager(context.ids().uuid().toString(), registered.size()));
    }
}
