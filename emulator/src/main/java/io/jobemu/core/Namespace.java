package io.jobemu.core;

import io.jobemu.core.control.ControlApi;
import io.jobemu.core.faults.FaultRegistry;
import io.jobemu.core.http.BodyReader;
import io.jobemu.core.http.BodyTooLargeException;
import io.jobemu.core.http.Call;
import io.jobemu.core.http.Dispatcher;
import io.jobemu.core.http.ErrorPolicy;
import io.jobemu.core.http.Response;
import io.jobemu.core.http.StoreFullException;
import io.jobemu.core.http.RouteTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One isolated world: its own clock, ids, journal, faults and a fresh instance of every emulated API. Tests that
 * share one server each use their own namespace, so they never see each other's jobs.
 */
public final class Namespace implements AutoCloseable {

    /** How a control request's body is read: control requests are small JSON documents. */
    static final BodyReader.Plan CONTROL_BODY = BodyReader.Plan.raw(1024 * 1024);

    private final String name;
    private final EmulatorContext context;
    private final Map<String, EmulatedApi> apis = new LinkedHashMap<>();
    private final FaultRegistry faults = new FaultRegistry();
    private final ControlApi control;
    private final Map<String, Dispatcher> dispatchers = new LinkedHashMap<>();
    private final Dispatcher controlDispatcher;
    private final Path uploads;

    public Namespace(String name, EmulatorContext context, List<EmulatedApi> apiList,
                     Supplier<Map<String, String>> baseUrls, Namespaces namespaces) {
        this.name = name;
        this.context = context;
        apiList.forEach(api -> apis.put(api.name(), api));
        this.control = new ControlApi(context, apiList, faults, baseUrls, namespaces,
                name.equals(Namespaces.DEFAULT));
        Path uploadDir = context.workDir().resolve("multipart");
        try {
            this.uploads = Files.createDirectories(uploadDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the upload temp dir " + uploadDir + " of namespace " + name
                    + ": " + e, e);
        }
        for (EmulatedApi api : apiList) {
            dispatchers.put(api.name(), new Dispatcher(api.routes(), api::routingPath, api));
        }
        this.controlDispatcher = new Dispatcher(control.routes(), p -> p, withBodyRefusals(control));
    }

    /**
     * How the body of a request to an API (null for the control API) is read: a multipart upload the API parses
     * as a form within its upload limit, anything else as raw bytes within its body limit.
     */
    BodyReader.Plan bodyPlan(String apiName, String method, String requestPath, String contentType) {
        if (apiName == null) {
            return CONTROL_BODY;
        }
        EmulatedApi api = apis.get(apiName);
        if (Call.isMultipart(contentType) && api.parsesMultipart(method, api.routingPath(requestPath))) {
            long limit = api.maxUploadBytes();
            return new BodyReader.Plan(limit, uploads, () -> api.uploadTooLarge(limit));
        }
        return BodyReader.Plan.raw(api.maxBodyBytes());
    }

    /** The control API's errors, with a JSON 413 for a body it cannot take. */
    private static ErrorPolicy withBodyRefusals(ControlApi control) {
        return new ErrorPolicy() {
            @Override
            public Response notFound(Call call) {
                return control.notFound(call);
            }

            @Override
            public Response methodNotAllowed(Call call, Set<String> allowedMethods) {
                return control.methodNotAllowed(call, allowedMethods);
            }

            @Override
            public Response failure(Call call, Throwable error) {
                return error instanceof BodyTooLargeException || error instanceof StoreFullException
                        ? ControlApi.error(413, error.getMessage()) : control.failure(call, error);
            }
        };
    }

    public String name() {
        return name;
    }

    public EmulatorContext context() {
        return context;
    }

    public FaultRegistry faults() {
        return faults;
    }

    /** The namespace's instance of an API, by type. */
    public <T extends EmulatedApi> T api(Class<T> type) {
        return apis.values().stream().filter(type::isInstance).map(type::cast).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no API of type " + type.getName()));
    }

    /** Every {@code /_emulator} route this namespace serves, core and per-API; documented in emulator-control.yaml. */
    public RouteTable controlRoutes() {
        return control.routes();
    }

    Dispatcher dispatcher(String apiName) {
        return dispatchers.get(apiName);
    }

    /** See {@link EmulatedApi#answersFromMemory}. */
    boolean answersFromMemory(String apiName, String requestPath) {
        return apis.get(apiName).answersFromMemory(requestPath);
    }

    Dispatcher controlDispatcher() {
        return controlDispatcher;
    }

    /** Empties every store of every API, the journal, the faults and the pending clock events. */
    public void reset() {
        control.resetAll();
    }

    @Override
    public void close() {
        context.clock().close();
        WorkDirectories.deleteRecursively(context.workDir());
    }
}
