package io.jobemu.contract.flinkjob;

import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * The job the contract checker uploads and runs: an endless, throttled stream split into two vertices by a keyBy,
 * with a little keyed state, so that every monitoring, checkpoint and savepoint endpoint has something to show.
 * No periodic checkpoints: the only ones are those the checker triggers, so runs compare step by step.
 * It runs until the checker stops or cancels it. Arguments: job name, then milliseconds to sleep per record.
 * Built for Java 11 and against Flink's public DataStream API only, so any Flink 2.x cluster can run it.
 */
public final class ProbeJob {

    private ProbeJob() {
    }

    public static void main(String[] args) throws Exception {
        String name = args.length > 0 ? args[0] : "jobemu-contract-probe";
        long sleepMillis = args.length > 1 ? Long.parseLong(args[1]) : 5L;
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.fromSequence(1, Long.MAX_VALUE).name("probe-source").uid("probe-source")
                .map(new Throttle(sleepMillis)).name("throttle").uid("throttle")
                .keyBy(new Bucket())
                .map(new Count()).name("count").uid("count")
                .sinkTo(new DiscardingSink<>()).name("discard").uid("discard");
        env.execute(name);
    }

    /** Slows the source down so the job stays cheap while it runs. */
    public static final class Throttle implements MapFunction<Long, Long> {
        private final long sleepMillis;

        public Throttle(long sleepMillis) {
            this.sleepMillis = sleepMillis;
        }

        @Override
        public Long map(Long value) throws Exception {
            Thread.sleep(sleepMillis);
            return value;
        }
    }

    /** Eight keys, so the count vertex holds keyed state. */
    public static final class Bucket implements KeySelector<Long, Long> {
        @Override
        public Long getKey(Long value) {
            return value % 8;
        }
    }

    /** Counts records per key in keyed state, which checkpoints and savepoints then carry. */
    public static final class Count extends RichMapFunction<Long, Long> {
        private transient ValueState<Long> count;

        @Override
        public void open(OpenContext context) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Long.class));
        }

        @Override
        public Long map(Long value) throws Exception {
            Long current = count.value();
            long next = current == null ? 1L : current + 1;
            count.update(next);
            return next;
        }
    }
}
