package io.jobemu.core.state;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One entity's current state, moved only through its {@link TransitionTable}. It remembers when each state was
 * last entered and the full path taken, so views can show per-state timestamps and tests can prove legality.
 * Not synchronized: the owning entity guards it.
 */
public final class StateMachine<S extends Enum<S>> {

    /** One step of the path, at clock time {@code at}. */
    public record Transition<S>(S from, S to, long at) {}

    private final TransitionTable<S> table;
    private final String subject;
    /** Named after the state type (io.jobemu.flink.jobs.JobStatus, say), so one API's transitions can be shown. */
    private final Logger log;
    private final Map<S, Long> enteredAt;
    private final List<Transition<S>> history = new ArrayList<>();
    private S current;

    public StateMachine(TransitionTable<S> table, Class<S> type, S initial, long now, String subject) {
        this.table = table;
        this.subject = subject;
        this.log = LoggerFactory.getLogger(type);
        this.enteredAt = new EnumMap<>(type);
        this.current = initial;
        this.enteredAt.put(initial, now);
    }

    public S current() {
        return current;
    }

    public boolean canMoveTo(S to) {
        return table.isLegal(current, to);
    }

    /** Moves to {@code to}, or throws {@link IllegalTransitionException} when the table forbids it. */
    public void moveTo(S to, long now) {
        if (!table.isLegal(current, to)) {
            throw new IllegalTransitionException(current, to, subject);
        }
        log.debug("{}: {} -> {}", subject, current, to);
        history.add(new Transition<>(current, to, now));
        current = to;
        enteredAt.put(to, now);
    }

    /** When {@code state} was last entered, or 0 if never (Flink's convention for its timestamps map). */
    public long enteredAt(S state) {
        return enteredAt.getOrDefault(state, 0L);
    }

    public List<Transition<S>> history() {
        return Collections.unmodifiableList(history);
    }

    public boolean isFinal() {
        return table.targets(current).isEmpty();
    }
}
