package io.jobemu.jobserver.runtime;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import io.jobemu.core.clock.EmulatorClock;
import io.jobemu.core.state.StateMachine;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** One context (one Spark driver in cluster mode). Guarded by the {@link Supervisor}'s lock. */
final class ManagedContext {

    private static final String PYTHON_FACTORY_PACKAGE = "spark.jobserver.python.";
    private static final String STREAMING_FACTORY = "spark.jobserver.context.StreamingContextFactory";

    private final String id;
    private final String name;
    private final Config config;
    private final boolean adHoc;
    private final long startTime;
    private final int uiPort;
    private final StateMachine<ContextState> state;
    /** Completes when a stop has finished, for DELETE requests waiting on it. */
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();
    private long endTime = -1;
    private EmulatorClock.Scheduled pendingStop;

    ManagedContext(String id, String name, Config config, boolean adHoc, long now, int uiPort) {
        this.id = id;
        this.name = name;
        this.config = config;
        this.adHoc = adHoc;
        this.startTime = now;
        this.uiPort = uiPort;
        this.state = new StateMachine<>(ContextState.TRANSITIONS, ContextState.class, ContextState.STARTED, now,
                "context " + name);
    }

    String id() {
        return id;
    }

    String name() {
        return name;
    }

    boolean adHoc() {
        return adHoc;
    }

    long startTime() {
        return startTime;
    }

    int uiPort() {
        return uiPort;
    }

    ContextState state() {
        return state.current();
    }

    /** The context settings, with the server's defaults below them. */
    Config config() {
        return config;
    }

    String factory() {
        return config.getString("context-factory");
    }

    boolean runsPython() {
        return factory().startsWith(PYTHON_FACTORY_PACKAGE);
    }

    /** {@code stop-context-on-job-error}; a streaming context defaults it to true, as its factory does. */
    boolean stopsOnJobError() {
        try {
            return config.getBoolean("stop-context-on-job-error");
        } catch (ConfigException e) {
            return factory().equals(STREAMING_FACTORY);
        }
    }

    /** The driver answers (and jobs can be sent to it) while it runs or stops. */
    boolean driverAlive() {
        return state.current() == ContextState.RUNNING || state.current() == ContextState.STOPPING;
    }

    CompletableFuture<Void> stopped() {
        return stopped;
    }

    void moveTo(ContextState to, long now) {
        state.moveTo(to, now);
        // the real supervisor stamps endTime on every final state and on RESTARTING, and clears it on RUNNING
        endTime = to.isFinal() || to == ContextState.RESTARTING ? now : -1;
        if (to.isFinal()) {
            stopped.complete(null);
        }
    }

    void stopLater(EmulatorClock.Scheduled stop) {
        pendingStop = stop;
    }

    void cancelPendingStop() {
        if (pendingStop != null) {
            pendingStop.cancel();
            pendingStop = null;
        }
    }

    ContextSnapshot snapshot() {
        boolean running = state.current() == ContextState.RUNNING;
        return new ContextSnapshot(id, name, state.current(), startTime, endTime,
                running ? "local-" + startTime : null, running ? "http://127.0.0.1:" + uiPort : null,
                List.copyOf(state.history()));
    }
}
