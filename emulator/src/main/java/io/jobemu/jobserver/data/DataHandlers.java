package io.jobemu.jobserver.data;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobemu.core.http.Call;
import io.jobemu.core.http.Json;
import io.jobemu.core.http.Response;
import io.jobemu.jobserver.JobServer;
import io.jobemu.jobserver.JobserverParams;
import io.jobemu.jobserver.JobserverPaths;
import io.jobemu.jobserver.JobserverReplies;
import io.jobemu.jobserver.Permission;
import io.jobemu.jobserver.ScalaCollections;
import java.util.Optional;
import java.util.function.Function;

/** {@code /data}: upload, list, delete and reset data files. */
public final class DataHandlers {

    private final JobServer server;

    public DataHandlers(JobServer server) {
        this.server = server;
    }

    /** The absolute names, in the order of the real server's Scala set. */
    public Response list(Call call) {
        ArrayNode names = Json.array();
        ScalaCollections.order(server.data().names(), Function.identity()).forEach(names::add);
        return JobserverReplies.json(200, names);
    }

    /** {@code {"result":{"filename":"<absolute name>"}}}, without a status. */
    public Response upload(Call call) throws Exception {
        String prefix = JobserverPaths.segment(call);
        call.body();
        String name = server.data().store(prefix, server.context().clock().millis());
        ObjectNode body = Json.object();
        body.putObject("result").put("filename", name);
        return JobserverReplies.json(200, body);
    }

    /** The path segment is the URL-encoded absolute name; success answers the status text "OK". */
    public Response delete(Call call) {
        String name = JobserverPaths.segment(call);
        if (!server.data().delete(name)) {
            throw JobserverReplies.error(400, "Unable to delete data file '" + name + "'.");
        }
        return JobserverReplies.relabelledText(200, "OK");
    }

    /** {@code ?reset=reboot[&sync=false]}; any other reset value answers 200 with the text "ERROR". */
    public Response reset(Call call) {
        String reset = JobserverParams.required(call, "reset");
        Optional<Boolean> sync = JobserverParams.optionalBoolean(call, "sync");
        server.auth().authorize(call, Permission.DATA_RESET);
        if (!reset.equals("reboot")) {
            return JobserverReplies.relabelledText(200, "ERROR");
        }
        server.data().deleteAll();
        return JobserverReplies.success(200, sync.orElse(true) ? "Data reset" : "Data reset requested");
    }
}
