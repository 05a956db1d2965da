package io.jobemu.bench.job;

import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * The job the lifecycle benchmark submits: an endless, throttled sequence into a discarding sink, so it runs until
 * cancelled. The emulator never loads it; its default behaviour (run until cancelled) matches.
 */
public final class StreamingJob {

    private StreamingJob() {
    }

    public static void main(String[] args) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.fromSequence(1, Long.MAX_VALUE).name("sequence")
                .map(StreamingJob::throttle).returns(Long.class).name("throttle")
                .sinkTo(new DiscardingSink<>()).name("discard");
        env.execute(args.length > 0 ? args[0] : "bench-streaming");
    }

    private static Long throttle(Long value) throws InterruptedException {
        Thread.sleep(10);
        return value;
    }
}
