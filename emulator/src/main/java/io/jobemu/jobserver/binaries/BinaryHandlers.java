package io.jobemu.jobserver.binaries;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobemu.core.http.Call;
import io.jobemu.core.http.Json;
import io.jobemu.core.http.Response;
import io.jobemu.core.http.StoreFullException;
import io.jobemu.jobserver.ErrorData;
import io.jobemu.jobserver.JobServer;
import io.jobemu.jobserver.JobserverPaths;
import io.jobemu.jobserver.JobserverReplies;
import io.jobemu.jobserver.ScalaCollections;
import io.jobemu.jobserver.Timestamps;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code /binaries}: list, get, upload and delete job binaries. */
public final class BinaryHandlers {

    /** akka-http's media types with a fixed charset, which never print a charset parameter. */
    private static final List<String> FIXED_CHARSET_TYPES = List.of("application/json");

    private final JobServer server;

    public BinaryHandlers(JobServer server) {
        this.server = server;
    }

    /** {@code {"<name>":{"binary-type":...,"upload-time":...},...}}: the latest upload of each name. */
    public Response list(Call call) {
        Map<String, ObjectNode> byName = new LinkedHashMap<>();
        for (BinaryStore.StoredBinary binary : server.binaries().latestOfEach()) {
            byName.put(binary.name(), Json.object()
                    .put("binary-type", binary.type().wireName())
                    .put("upload-time", Timestamps.utc(binary.uploadTime())));
        }
        return JobserverReplies.json(200, ScalaCollections.object(byName));
    }

    public Response get(Call call) {
        String name = JobserverPaths.segment(call);
        BinaryStore.StoredBinary binary = server.binaries().latest(name)
                .orElseThrow(() -> JobserverReplies.error(404, "Can't find binary with name " + name));
        return JobserverReplies.json(200, Json.object()
                .put("app-name", binary.name())
                .put("binary-type", binary.type().wireName())
                .put("upload-time", Timestamps.utc(binary.uploadTime())));
    }

    /** Adds a version; the type comes from the Content-Type header and the body must be a zip. */
    public Response upload(Call call) throws Exception {
        String name = JobserverPaths.segment(call);
        byte[] bytes = call.body();
        String contentType = call.header("Content-Type").orElse("application/octet-stream");
        BinaryType type = BinaryType.fromMediaType(mediaType(contentType))
                .orElseThrow(() -> JobserverReplies.error(415, "Unsupported binary type " + render(contentType)));
        if (!BinaryStore.isZip(bytes)) {
            throw JobserverReplies.error(400, "Binary is not of the right format");
        }
        try {
            server.binaries().add(name, type, server.context().clock().millis());
        } catch (StoreFullException e) {
            // the real server's answer when its DAO cannot store a binary
            throw JobserverReplies.exception(500, "Storage Failure",
                    ErrorData.of("java.io.IOException", e.getMessage(), ErrorData.WEB_API_FRAMES));
        }
        return JobserverReplies.success(201);
    }

    /** Refused while a job that has not ended uses the binary. */
    public Response delete(Call call) {
        String name = JobserverPaths.segment(call);
        List<String> users = server.supervisor().activeJobsUsing(name);
        if (!users.isEmpty()) {
            throw JobserverReplies.error(403, "Binary is in use by job(s): " + String.join(", ", users));
        }
        if (!server.binaries().delete(name)) {
            throw JobserverReplies.error(404, "can't find binary with name " + name);
        }
        return JobserverReplies.success(200);
    }

    private static String mediaType(String contentType) {
        return contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    }

    /** The content type as akka prints it: lower-case media type, an upper-case charset, other parameters as sent. */
    private static String render(String contentType) {
        String[] parts = contentType.split(";");
        String mediaType = mediaType(contentType);
        StringBuilder rendered = new StringBuilder(mediaType);
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].trim().split("=", 2);
            String key = parameter[0].trim().toLowerCase(Locale.ROOT);
            String value = parameter.length > 1 ? parameter[1].trim().replace("\"", "") : "";
            if (key.equals("charset")) {
                if (!FIXED_CHARSET_TYPES.contains(mediaType)) {
                    rendered.append("; charset=").append(value.toUpperCase(Locale.ROOT));
                }
            } else if (!key.isEmpty()) {
                rendered.append("; ").append(key).append('=').append(value);
            }
        }
        return rendered.toString();
    }
}
