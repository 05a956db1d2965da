package io.jobemu.core.state;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** The legal transitions of one state machine, declared once; every state change is checked against it. */
public final class TransitionTable<S extends Enum<S>> {

    private final Class<S> type;
    private final Map<S, Set<S>> legal;

    private TransitionTable(Class<S> type, Map<S, Set<S>> legal) {
        this.type = type;
        this.legal = legal;
    }

    public static <S extends Enum<S>> Builder<S> builder(Class<S> type) {
        return new Builder<>(type);
    }

    public boolean isLegal(S from, S to) {
        return legal.get(from).contains(to);
    }

    public Set<S> targets(S from) {
        return Collections.unmodifiableSet(legal.get(from));
    }

    /** States with no way out. */
    public Set<S> finalStates() {
        EnumSet<S> result = EnumSet.noneOf(type);
        legal.forEach((state, targets) -> {
            if (targets.isEmpty()) {
                result.add(state);
            }
        });
        return result;
    }

    public static final class Builder<S extends Enum<S>> {
        private final Class<S> type;
        private final Map<S, EnumSet<S>> legal;

        private Builder(Class<S> type) {
            this.type = type;
            this.legal = new EnumMap<>(type);
            for (S state : type.getEnumConstants()) {
                legal.put(state, EnumSet.noneOf(type));
            }
        }

        @SafeVarargs
        public final Builder<S> allow(S from, S... to) {
            legal.get(from).addAll(Set.of(to));
            return this;
        }

        public TransitionTable<S> build() {
            Map<S, Set<S>> frozen = new EnumMap<>(type);
            legal.forEach((state, targets) -> frozen.put(state, Collections.unmodifiableSet(EnumSet.copyOf(targets))));
            return new TransitionTable<>(type, frozen);
        }
    }
}
