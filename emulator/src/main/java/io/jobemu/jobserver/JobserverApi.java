package io.jobemu.jobserver;

import io.jobemu.core.EmulatedApi;
import io.jobemu.core.EmulatorContext;
import io.jobemu.core.http.Call;
import io.jobemu.core.http.Response;
import io.jobemu.core.http.RouteTable;
import io.jobemu.flink.TimingProfile;

/** STUB: spark-jobserver's REST API. */
public final class JobserverApi implements EmulatedApi {

    private final RouteTable routes = new RouteTable();

    public JobserverApi(EmulatorContext context, TimingProfile timing) {
    }

    @Override
    public String name() {
        return "jobserver";
    }

    @Override
    public RouteTable routes() {
        return routes;
    }

    @Override
    public Response notFound(Call call) {
        return Response.text(404, "The requested resource could not be found.");
    }

    @Override
    public Response failure(Call call, Throwable error) {
        return Response.text(500, "There was an internal server error.");
    }

    @Override
    public void reset() {
    }
}
