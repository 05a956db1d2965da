package io.jobemu.flink.jobs;

/** One job vertex (an operator chain) of an emulated job graph. Immutable; its state derives from the job's. */
public record JobVertex(String id, String name, int parallelism, int maxParallelism, String slotSharingGroupId) {
}
