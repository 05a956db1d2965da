package io.jobemu.core;

import io.jobemu.core.control.ControlApi;
import io.jobemu.core.http.Dispatcher;
import io.jobemu.core.http.Response;
import io.jobemu.core.http.ResponseWriter;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import com.fasterxml.jackson.databind.JsonNode;
import io.jobemu.core.faults.FaultRegistry;
import io.jobemu.core.faults.FaultSpec;
import io.undertow.server.Connectors;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.SameThreadExecutor;
import io.undertow.server.handlers.BlockingHandler;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.xnio.IoUtils;

/** One Undertow listener serving one API plus the shared control API, journaling every request. */
public final class ApiListener {

    private final EmulatedApi api;
    private final EmulatorContext context;
    private final Dispatcher apiDispatcher;
    private final Dispatcher controlDispatcher;
    private final FaultRegistry faults;
    private final HttpHandler blockingHandler = new BlockingHandler(this::handle);
    private final Undertow server;
    private final String host;
    private final int requestedPort;

    public ApiListener(EmulatedApi api, ControlApi control, FaultRegistry faults, EmulatorContext context,
                       String host, int port, Path uploads) {
        this.api = api;
        this.context = context;
        this.faults = faults;
        this.host = host;
        this.requestedPort = port;
        this.apiDispatcher = new Dispatcher(api.routes(), api::routingPath, api, api.maxBodyBytes(), uploads);
        this.controlDispatcher = new Dispatcher(control.routes(), p -> p, control, 1024 * 1024, uploads);
        this.server = Undertow.builder()
                .addHttpListener(port, host)
                .setServerOption(UndertowOptions.ALWAYS_SET_DATE, false)
                .setServerOption(UndertowOptions.ALLOW_UNESCAPED_CHARACTERS_IN_URL, true)
                .setHandler(this::route)
                .build();
    }

    /** Binds the port; one already in use surfaces as a {@link BindException} that names the API and port. */
    public void start() throws BindException {
        try {
            server.start();
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof BindException) {
                    BindException named = new BindException("cannot bind the " + api.name() + " API to " + host
                            + ":" + requestedPort + " (" + cause.getMessage() + "): is the port already in use?");
                    named.initCause(e);
                    throw named;
                }
            }
            throw e;
        }
    }

    public int port() {
        return ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
    }

    public void stop() {
        server.stop();
    }

    /** On the I/O thread: applies an injected fault, if one strikes, else serves the request on a worker. */
    private void route(HttpServerExchange exchange) throws Exception {
        String path = exchange.getRelativePath();
        if (isControl(path)) {
            blockingHandler.handleRequest(exchange);
            return;
        }
        Optional<FaultRegistry.Fault> fault = faults.strike(api.name(), exchange.getRequestMethod().toString(),
                path);
        if (fault.isEmpty()) {
            blockingHandler.handleRequest(exchange);
            return;
        }
        FaultSpec spec = fault.get().spec();
        switch (spec.action()) {
            case DELAY -> exchange.dispatch(SameThreadExecutor.INSTANCE, () -> exchange.getIoThread().executeAfter(
                    () -> Connectors.executeRootHandler(blockingHandler, exchange),
                    spec.latency().toMillis(), TimeUnit.MILLISECONDS));
            case RESPOND -> {
                Response response = injectedResponse(spec);
                journal(exchange, path, response.status(), fault.get());
                exchange.dispatch(() -> writeQuietly(exchange, response));
            }
            case DROP_CONNECTION -> {
                journal(exchange, path, 0, fault.get());
                IoUtils.safeClose(exchange.getConnection());
            }
        }
    }

    private void handle(HttpServerExchange exchange) throws IOException {
        context.clock().runDue();
        String path = exchange.getRelativePath();
        Response response = (isControl(path) ? controlDispatcher : apiDispatcher).dispatch(exchange, path);
        journal(exchange, path, response.status(), null);
        ResponseWriter.write(exchange, response);
    }

    private void journal(HttpServerExchange exchange, String path, int status, FaultRegistry.Fault fault) {
        context.journal().record(isControl(path) ? "control" : api.name(), context.clock().millis(),
                exchange.getRequestMethod().toString(), path, exchange.getQueryString(), status,
                fault == null ? null : fault.id());
    }

    private static boolean isControl(String path) {
        return path.equals(ControlApi.PREFIX) || path.startsWith(ControlApi.PREFIX + "/");
    }

    private static Response injectedResponse(FaultSpec spec) {
        JsonNode body = spec.body();
        if (body == null || body.isTextual()) {
            String text = body == null ? "" : body.asText();
            return new Response(spec.status(), text, spec.contentType() != null ? spec.contentType()
                    : "text/plain; charset=UTF-8", Map.of());
        }
        return new Response(spec.status(), body, spec.contentType() != null ? spec.contentType()
                : Response.JSON_UTF8, Map.of());
    }

    private static void writeQuietly(HttpServerExchange exchange, Response response) {
        try {
            exchange.startBlocking();
            ResponseWriter.write(exchange, response);
        } catch (IOException e) {
            IoUtils.safeClose(exchange.getConnection());
        }
    }
}
