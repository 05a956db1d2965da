package io.jobemu.bench.job;

import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/** A bounded job that finishes at once; the emulator's populations run it as the jobs that are over. */
public final class BatchJob {

    private BatchJob() {
    }

    public static void main(String[] args) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.fromSequence(1, 100).name("sequence").sinkTo(new DiscardingSink<>()).name("discard");
        env.execute(args.length > 0 ? args[0] : "bench-batch");
    }
}
