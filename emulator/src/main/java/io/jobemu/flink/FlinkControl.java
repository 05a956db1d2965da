package io.jobemu.flink;

import io.jobemu.core.http.RouteTable;

/** STUB */
final class FlinkControl {
    private final FlinkCluster cluster;

    FlinkControl(FlinkCluster cluster) {
        this.cluster = cluster;
    }

    RouteTable routes() {
        return new RouteTable();
    }
}
