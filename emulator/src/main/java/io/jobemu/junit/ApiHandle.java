package io.jobemu.junit;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobemu.core.journal.JournalEntry;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One emulated API of a namespace: its base URL, the requests it served, faults aimed at it. Subclasses add the
 * API's own control operations.
 */
public abstract class ApiHandle {

    private final String name;
    private final String jobNoun;
    private final Class<? extends Enum<?>> jobStates;
    private final String url;
    final ControlClient control;
    final ClockHandle clock;
    private final JournalHandle journal;
    private final FaultsHandle faults;

    /**
     * @param jobNoun   how messages name this API's jobs ("Flink job")
     * @param jobStates the states its jobs can be in
     */
    ApiHandle(String name, String url, ControlClient control, String jobNoun, Class<? extends Enum<?>> jobStates) {
        this.name = name;
        this.jobNoun = jobNoun;
        this.jobStates = jobStates;
        this.url = url;
        this.control = control;
        this.clock = new ClockHandle(control);
        this.journal = new JournalHandle(control);
        this.faults = new FaultsHandle(control);
    }

    /** flink, jobserver or streamkap: the name journal entries and faults use. */
    public String name() {
        return name;
    }

    /** Base URL for clients (namespace prefix included, so a plain HTTP client lands in the right namespace). */
    public String url() {
        if (url == null) {
            throw new IllegalStateException("the " + name + " API's URL was not given to this handle");
        }
        return url;
    }

    /** The requests this API served, oldest first. */
    public List<JournalEntry> requests() {
        return journal.entries(name);
    }

    /** The requests this API served that match {@code pattern}, oldest first. */
    public List<JournalEntry> requests(RequestPattern pattern) {
        return journal.find(pattern.forApi(name));
    }

    /**
     * Fails unless this API received a request matching {@code pattern}, listing what it did receive; like
     * WireMock's {@code verify(postRequestedFor(...))}.
     */
    public void verify(RequestPattern pattern) {
        journal.verify(pattern.forApi(name));
    }

    /** Fails unless this API received exactly {@code times} requests matching {@code pattern}. */
    public void verify(int times, RequestPattern pattern) {
        journal.verify(times, pattern.forApi(name));
    }

    /**
     * Waits until this API has received a request with that method and a path matching the glob (one received
     * before the call counts), and returns the first such request.
     */
    public JournalEntry awaitRequest(HttpMethod method, String pathGlob, Duration timeout) {
        return journal.awaitRequest(name, method, pathGlob, timeout);
    }

    /** Waits until this API has received a request matching {@code pattern}, and returns the first. */
    public JournalEntry awaitRequest(RequestPattern pattern, Duration timeout) {
        return journal.awaitRequest(pattern.forApi(name), timeout);
    }

    /** Injects a fault that strikes only this API. */
    public InjectedFault inject(Fault fault) {
        return faults.add(fault.api(name));
    }

    /** Removes every fault aimed at this API (faults for every API stay). */
    public void clearFaults() {
        for (InjectedFault fault : faults.list()) {
            if (name.equals(fault.spec().api())) {
                faults.remove(fault.id());
            }
        }
    }

    /**
     * The job's state (Flink's {@code RUNNING}, spark-jobserver's {@code FINISHED}, Streamkap's {@code DEPLOYING}...).
     *
     * @throws EmulatorControlException (404) for an unknown job
     */
    public abstract String jobState(String jobId);

    /**
     * Waits, in real time, until the job is in {@code state}; fails after {@code timeout} with the state last seen,
     * or at once when the job ends in another final state. With a manual clock nothing moves while this waits:
     * advance the clock first, or use {@link #advanceUntilJobState}.
     */
    public void awaitJobState(String jobId, String state, Duration timeout) {
        String wanted = checkedJobState(state);
        Await.until(jobNoun + " " + jobId + " to be " + wanted, timeout, () -> lookAtJob(jobId, wanted),
                () -> clock.manualClockHint(name + "().advanceUntilJobState(...)"));
    }

    /**
     * Advances the emulator clock by {@code step} at a time until the job is in {@code state}; fails once the clock
     * has moved {@code limit} in all. For manual-clock tests that should not care how long each step takes.
     */
    public void advanceUntilJobState(String jobId, String state, Duration step, Duration limit) {
        String wanted = checkedJobState(state);
        Await.advancingClock(jobNoun + " " + jobId + " to be " + wanted, step, limit, clock,
                () -> lookAtJob(jobId, wanted));
    }

    /** {@code state} (any case) as the name of one of this API's job states, or a refusal naming the valid ones. */
    String checkedJobState(String state) {
        for (Enum<?> constant : jobStates.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(state)) {
                return constant.name();
            }
        }
        throw new IllegalArgumentException("no " + jobNoun + " state " + state + "; one of "
                + Arrays.toString(jobStates.getEnumConstants()));
    }

    /** One look at the job: done in {@code wanted}, impossible in another final state. */
    abstract Await.Look<String> lookAtJob(String jobId, String wanted);

    /** A GET to the emulated API itself (not the control API), which must answer 200 with JSON. */
    JsonNode get(String path) {
        ControlClient.Reply reply = ControlClient.send("GET", url() + path, null);
        if (reply.status() != 200) {
            throw new IllegalStateException("GET " + url() + path + " answered " + reply.status() + ": "
                    + reply.body());
        }
        return reply.json();
    }

    /**
     * One look at {@code subject}'s state, as a control route answering {@code {"state", "transitions"}} shows it:
     * done at {@code wanted}, impossible at another final state.
     */
    Await.Look<String> lookAtState(String controlPath, String subject, String wanted, Predicate<String> isFinal) {
        Optional<JsonNode> view = readState(controlPath);
        if (view.isEmpty()) {
            return Await.Look.notYet(subject + " does not exist");
        }
        String state = view.get().path("state").asText();
        String seen = subject + " is " + state + describeTransitions(view.get());
        if (state.equals(wanted)) {
            return Await.Look.done(state);
        }
        return isFinal.test(state) ? Await.Look.never(seen + ", a final state") : Await.Look.notYet(seen);
    }

    /** A state view, or empty when the control API answers 404. */
    private Optional<JsonNode> readState(String controlPath) {
        try {
            return Optional.of(control.get(controlPath));
        } catch (EmulatorControlException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** {@code state} as a constant of {@code states} (any case), or a clear refusal naming the valid ones. */
    static <E extends Enum<E>> E state(Class<E> states, String state, String what) {
        for (E constant : states.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(state)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("no " + what + " state " + state + "; one of "
                + Arrays.toString(states.getEnumConstants()));
    }

    private static String describeTransitions(JsonNode view) {
        StringBuilder path = new StringBuilder();
        for (JsonNode step : view.path("transitions")) {
            path.append(path.length() == 0 ? step.path("from").asText() : "").append(" -> ")
                    .append(step.path("to").asText());
        }
        return path.length() == 0 ? "" : " (" + path + ")";
    }
}
