package io.jobemu.flink.submission;

/** One chain of stream operators that the JobManager runs as one job vertex. */
record OperatorChain(String name, int parallelism, int maxParallelism, String slotSharingGroup) {}
