package io.jobemu.contract.flinkclient;

import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * The programs the client tests submit, built with Flink's own DataStream API. Their {@code main} methods are what
 * {@code flink run} starts: the first argument is the job name; "unbounded" as the second makes the job endless.
 */
public final class TestJobs {

    private TestJobs() {
    }

    /** A bounded job: a thousand numbers, doubled, into a discarding sink. Ends by itself. */
    static void bounded(StreamExecutionEnvironment env) {
        env.fromSequence(1, 1000).name("numbers").map(new Doubler()).name("doubler")
                .sinkTo(new DiscardingSink<>()).name("discard");
    }

    /** An endless job: a sequence that never ends, slowed down so a real cluster spends no CPU on it. */
    static void unbounded(StreamExecutionEnvironment env) {
        env.fromSequence(1, Long.MAX_VALUE).name("ticks").map(new SlowDoubler()).name("slow doubler")
                .rebalance().map(new Doubler()).setParallelism(1).name("re-doubler")
                .sinkTo(new DiscardingSink<>()).name("discard");
    }

    /** A job whose map fails on its first record; with no restart strategy the job fails at once. */
    static void failing(StreamExecutionEnvironment env) {
        env.fromSequence(1, 1000).name("numbers").map(new FailingMap()).name("failing map")
                .sinkTo(new DiscardingSink<>()).name("discard");
    }

    public static void main(String[] args) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        if (args.length > 1 && args[1].equals("unbounded")) {
            unbounded(env);
        } else {
            bounded(env);
        }
        env.execute(args.length > 0 ? args[0] : "test job");
    }

    static final class Doubler implements MapFunction<Long, Long> {
        @Override
        public Long map(Long value) {
            return value * 2;
        }
    }

    static final class FailingMap implements MapFunction<Long, Long> {
        @Override
        public Long map(Long value) throws java.io.IOException {
            throw new java.io.IOException("disk full");
        }
    }

    static final class SlowDoubler implements MapFunction<Long, Long> {
        @Override
        public Long map(Long value) throws InterruptedException {
            Thread.sleep(20);
            return value * 2;
        }
    }
}
