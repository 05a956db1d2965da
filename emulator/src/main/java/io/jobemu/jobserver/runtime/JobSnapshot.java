package io.jobemu.jobserver.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.Config;
import io.jobemu.core.state.StateMachine;
import io.jobemu.jobserver.ErrorData;
import java.util.List;

/**
 * One job at one moment, as the DAO stores it: {@code endTime} is -1 while unset; {@code error} is set for ERROR
 * and KILLED (and a restarting job); {@code result} only for FINISHED; {@code postedConfig} only for asynchronous
 * submissions (the real server saves no config for a synchronous one).
 */
public record JobSnapshot(String id, String contextId, String contextName, String mainClass, JobState state,
                          long startTime, long endTime, ErrorData error, JsonNode result, Config postedConfig,
                          List<StateMachine.Transition<JobState>> history) {
}
