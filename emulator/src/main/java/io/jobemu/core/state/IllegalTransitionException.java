package io.jobemu.core.state;

/** Raised when code asks a state machine for a transition its table does not allow. */
public final class IllegalTransitionException extends IllegalStateException {
    public IllegalTransitionException(Enum<?> from, Enum<?> to, String subject) {
        super("illegal transition " + from + " -> " + to + " for " + subject);
    }
}
