package io.jobemu.core;

import io.jobemu.core.control.ControlApi;
import io.jobemu.core.http.Dispatcher;
import io.jobemu.core.http.Response;
import io.jobemu.core.http.ResponseWriter;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.BlockingHandler;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.file.Path;

/** One Undertow listener serving one API plus the shared control API, journaling every request. */
public final class ApiListener {

    private final EmulatedApi api;
    private final EmulatorContext context;
    private final Dispatcher apiDispatcher;
    private final Dispatcher controlDispatcher;
    private final Undertow server;
    private final String host;
    private final int requestedPort;

    public ApiListener(EmulatedApi api, ControlApi control, EmulatorContext context, String host, int port, Path uploads) {
        this.api = api;
        this.context = context;
        this.host = host;
        this.requestedPort = port;
        this.apiDispatcher = new Dispatcher(api.routes(), api::routingPath, api, api.maxBodyBytes(), uploads);
        this.controlDispatcher = new Dispatcher(control.routes(), p -> p, control, 1024 * 1024, uploads);
        this.server = Undertow.builder()
                .addHttpListener(port, host)
                .setServerOption(UndertowOptions.ALWAYS_SET_DATE, false)
                .setServerOption(UndertowOptions.ALLOW_UNESCAPED_CHARACTERS_IN_URL, true)
                .setHandler(new BlockingHandler(this::handle))
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

    private void handle(HttpServerExchange exchange) throws IOException {
        context.clock().runDue();
        String path = exchange.getRelativePath();
        boolean isControl = path.equals(ControlApi.PREFIX) || path.startsWith(ControlApi.PREFIX + "/");
        Response response = (isControl ? controlDispatcher : apiDispatcher).dispatch(exchange, path);
        context.journal().record(isControl ? "control" : api.name(), context.clock().millis(),
                exchange.getRequestMethod().toString(), path, exchange.getQueryString(), response.status());
        ResponseWriter.write(exchange, response);
    }
}
