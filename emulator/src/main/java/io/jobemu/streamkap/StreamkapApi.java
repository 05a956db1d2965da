package io.jobemu.streamkap;

import io.jobemu.core.EmulatedApi;
import io.jobemu.core.EmulatorContext;
import io.jobemu.core.http.Call;
import io.jobemu.core.http.Json;
import io.jobemu.core.http.Response;
import io.jobemu.core.http.RouteTable;
import io.jobemu.flink.FlinkApi;

/** STUB: Streamkap's Flink-jobs API, backed by the emulated Flink. */
public final class StreamkapApi implements EmulatedApi {

    private final RouteTable routes = new RouteTable();

    public StreamkapApi(EmulatorContext context, FlinkApi flink, StreamkapCredentials credentials) {
    }

    @Override
    public String name() {
        return "streamkap";
    }

    @Override
    public RouteTable routes() {
        return routes;
    }

    @Override
    public Response notFound(Call call) {
        return Response.json(404, Json.object().put("detail", "Not Found"));
    }

    @Override
    public Response failure(Call call, Throwable error) {
        return Response.text(500, "Internal Server Error");
    }

    @Override
    public void reset() {
    }
}
