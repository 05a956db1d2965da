package io.jobemu.bench.flink;

import org.apache.flink.runtime.execution.Environment;
import org.apache.flink.runtime.jobgraph.tasks.AbstractInvokable;

/** A task that ends as soon as it starts: the prefilled jobs need nothing more to show up as FINISHED. */
public final class NoOpTask extends AbstractInvokable {

    public NoOpTask(Environment environment) {
        super(environment);
    }

    @Override
    public void invoke() {
    }
}
