package io.jobemu.jobserver.runtime;

import io.jobemu.core.state.StateMachine;
import java.util.List;

/**
 * One context at one moment, as the DAO stores it: {@code endTime} is -1 while unset; {@code applicationId} and
 * {@code uiUrl} are null unless the driver is alive to answer.
 */
public record ContextSnapshot(String id, String name, ContextState state, long startTime, long endTime,
                              String applicationId, String uiUrl,
                              List<StateMachine.Transition<ContextState>> history) {
}
