package io.jobemu.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobemu.core.control.ControlApi;
import io.jobemu.core.control.ControlGuard;
import io.jobemu.core.control.Redaction;
import io.jobemu.core.faults.FaultRegistry;
import io.jobemu.core.faults.FaultSpec;
import io.jobemu.core.http.BodyReader;
import io.jobemu.core.http.Call;
import io.jobemu.core.http.Dispatcher;
import io.jobemu.core.http.Response;
import io.jobemu.core.http.ResponseWriter;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.io.IoCallback;
import io.undertow.io.Sender;
import io.undertow.server.Connectors;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.SameThreadExecutor;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.xnio.IoUtils;
import org.xnio.OptionMap;
import org.xnio.Options;
import org.xnio.Xnio;
import org.xnio.XnioWorker;

/**
 * One Undertow listener serving one API (in whichever namespace a request names) plus the control API,
 * applying injected faults and journaling every request. The listeners of one emulator share one XNIO worker.
 */
public final class ApiListener {

    /** Above any API's own limit (Flink's jar store takes up to 1 GiB), so those limits decide. */
    private static final long MAX_ENTITY_BYTES = 2L * 1024 * 1024 * 1024;
    /** Undertow's default for one server. */
    private static final int IO_THREADS = Math.max(Runtime.getRuntime().availableProcessors(), 2);
    /**
     * Handlers may block (a sync job waits for the clock), so the shared pool may grow to what three servers of
     * Undertow's default size (8 per I/O thread) had; its threads start only on demand.
     */
    private static final int MAX_TASK_THREADS = 3 * 8 * IO_THREADS;

    /** A body that sends nothing for this long is given up, its connection closed. */
    private static final Duration BODY_STALL_TIMEOUT = Duration.ofSeconds(60);
    /** Headers must be complete this long after the request's first byte. */
    private static final int REQUEST_PARSE_TIMEOUT_MILLIS = 60_000;
    /** An idle keep-alive connection is closed after this long, as Flink's {@code rest.idleness-timeout}. */
    private static final int IDLE_TIMEOUT_MILLIS = 300_000;

    private final String apiName;
    private final Namespaces namespaces;
    private final ControlGuard controlGuard;
    private final Undertow server;
    private final String host;
    private final int requestedPort;

    public ApiListener(String apiName, Namespaces namespaces, ControlGuard controlGuard, String host, int port,
                       XnioWorker worker) {
        this.apiName = apiName;
        this.namespaces = namespaces;
        this.controlGuard = controlGuard;
        this.host = host;
        this.requestedPort = port;
        this.server = Undertow.builder()
                .setWorker(worker)
                .addHttpListener(port, host)
                .setServerOption(UndertowOptions.ALWAYS_SET_DATE, false)
                .setServerOption(UndertowOptions.REQUEST_PARSE_TIMEOUT, REQUEST_PARSE_TIMEOUT_MILLIS)
                .setServerOption(UndertowOptions.NO_REQUEST_TIMEOUT, IDLE_TIMEOUT_MILLIS)
                .setServerOption(UndertowOptions.ALLOW_UNESCAPED_CHARACTERS_IN_URL, true)
                // Undertow's own 10 MiB cap answers an empty 400; each API enforces its real server's limit instead.
                .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, MAX_ENTITY_BYTES)
                .setServerOption(UndertowOptions.MULTIPART_MAX_ENTITY_SIZE, MAX_ENTITY_BYTES)
                // Undertow refuses more than 1000 query parameters with an empty 400; the real servers take them
                // all (the request line's size, bounded by MAX_HEADER_SIZE, bounds their number)
                .setServerOption(UndertowOptions.MAX_PARAMETERS, Integer.MAX_VALUE)
                .setHandler(this::route)
                .build();
    }

    /**
     * Creates, on a thread of its own, the I/O threads and request pool every listener of one emulator shares, with
     * the socket options Undertow gives its own: XNIO's set-up (above all the platform MBean server it registers
     * with) is the slowest step of a first start and needs nothing the namespaces are built from. Whoever takes
     * the worker shuts it down once every listener using it has stopped.
     */
    public static CompletableFuture<XnioWorker> startWorker() {
        CompletableFuture<XnioWorker> worker = new CompletableFuture<>();
        new Thread(() -> {
            try {
                worker.complete(Xnio.getInstance(Undertow.class.getClassLoader()).createWorker(OptionMap.builder()
                        .set(Options.WORKER_IO_THREADS, IO_THREADS)
                        .set(Options.WORKER_TASK_CORE_THREADS, MAX_TASK_THREADS)
                        .set(Options.WORKER_TASK_MAX_THREADS, MAX_TASK_THREADS)
                        .set(Options.CONNECTION_HIGH_WATER, 1_000_000)
                        .set(Options.CONNECTION_LOW_WATER, 1_000_000)
                        .set(Options.TCP_NODELAY, true)
                        .set(Options.CORK, true)
                        .getMap()));
            } catch (Throwable e) {
                worker.completeExceptionally(e);
            }
        }, "jobemu-worker-start").start();
        return worker;
    }

    /** Binds the port; one already in use surfaces as a {@link BindException} that names the API and port. */
    public void start() throws BindException {
        try {
            server.start();
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof BindException) {
                    BindException named = new BindException("cannot bind the " + apiName + " API to " + host
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

    /**
     * On the I/O thread: lets the {@link ControlGuard} vet a control request, picks the namespace, reads the body
     * (see {@link BodyReader}), then applies an injected fault if one strikes, else serves the request as
     * {@link #answer} says. Nothing answers before the body is read, refusals included.
     */
    private void route(HttpServerExchange exchange) {
        String uriPrefix = stripNamespacePrefix(exchange);
        if (isControl(exchange.getRelativePath()) && !admittedByGuard(exchange)) {
            return;
        }
        String namespaceName = uriPrefix.isEmpty()
                ? Optional.ofNullable(exchange.getRequestHeaders().getFirst(Namespaces.HEADER))
                        .orElse(Namespaces.DEFAULT)
                : uriPrefix.substring(Namespaces.PATH_PREFIX.length());
        if (!namespaces.exists(namespaceName) && ControlGuard.fromAnotherSitesPage(exchange.getRequestHeaders())) {
            // a page could otherwise fill every namespace slot with an image tag per name
            answerAfterBody(exchange, ControlApi.error(403, "namespaces are not created by requests from another"
                    + " site's page; create " + namespaceName + " from a test or tool first"));
            return;
        }
        String path = exchange.getRelativePath();
        Namespace namespace;
        try {
            namespace = namespaces.get(namespaceName);
        } catch (IllegalArgumentException e) {
            answerAfterBody(exchange, ControlApi.error(400, e.getMessage()));
            return;
        }
        String api = isControl(path) ? null : apiName;
        BodyReader.read(exchange, namespace.bodyPlan(api, exchange.getRequestMethod().toString(), path,
                exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE)), BODY_STALL_TIMEOUT,
                new BodyReader.Outcome() {
            @Override
            public void received(HttpServerExchange ex) {
                serve(ex, namespace, path, uriPrefix);
            }

            @Override
            public void refused(HttpServerExchange ex, RuntimeException refusal) {
                Response response = dispatcher(namespace, path).refuse(ex, path, uriPrefix, refusal);
                journal(namespace, ex, response.status(), null);
                sendClosing(ex, response);
            }

            @Override
            public void cutShort(HttpServerExchange ex) {
                journal(namespace, ex, 0, null);
                IoUtils.safeClose(ex.getConnection());
            }
        });
    }

    /** Once the body is read: an injected fault if one strikes, else the API's answer. */
    private void serve(HttpServerExchange exchange, Namespace namespace, String path, String uriPrefix) {
        Optional<FaultRegistry.Fault> fault = isControl(path) ? Optional.empty()
                : namespace.faults().strike(apiName, exchange.getRequestMethod().toString(), path);
        if (fault.isEmpty()) {
            answer(exchange, namespace, path, uriPrefix);
            return;
        }
        FaultSpec spec = fault.get().spec();
        switch (spec.action()) {
            case DELAY -> exchange.dispatch(SameThreadExecutor.INSTANCE, () -> exchange.getIoThread().executeAfter(
                    () -> Connectors.executeRootHandler(ex -> answer(ex, namespace, path, uriPrefix), exchange),
                    spec.latency().toMillis(), TimeUnit.MILLISECONDS));
            case RESPOND -> {
                Response response = injectedResponse(spec);
                journal(namespace, exchange, response.status(), fault.get());
                send(exchange, response);
            }
            case DROP_CONNECTION -> {
                journal(namespace, exchange, 0, fault.get());
                IoUtils.safeClose(exchange.getConnection());
            }
        }
    }

    /**
     * Answers on the I/O thread when the API answers the path from memory, sparing the hand-over to a worker and
     * back (a third to a half of a status poll on two cores), else on a worker that hands the response back to the
     * I/O thread (see {@link #respond}).
     */
    private void answer(HttpServerExchange exchange, Namespace namespace, String path, String uriPrefix) {
        if (!isControl(path) && namespace.answersFromMemory(apiName, path)) {
            respond(exchange, namespace, uriPrefix);
        } else {
            exchange.dispatch(ex -> respond(ex, namespace, uriPrefix));
        }
    }

    /**
     * Runs the request's handler and writes its response. A worker hands the write to the I/O thread, so that
     * Undertow ends the exchange there: ending it on a worker makes the I/O thread spin in a compare-and-set loop
     * whenever the client's next request arrives first, which took more of two cores than all the handlers did.
     */
    private void respond(HttpServerExchange exchange, Namespace namespace, String uriPrefix) {
        namespace.context().clock().runDue();
        String path = exchange.getRelativePath();
        Response response = dispatcher(namespace, path).dispatch(exchange, path, uriPrefix);
        Optional<CompletionStage<Response>> pending = response.pending();
        if (pending.isPresent()) {
            // the exchange stays open, on no thread, until the answer comes; it is written on the I/O thread
            exchange.dispatch(SameThreadExecutor.INSTANCE, () -> pending.get().thenAccept(answer -> exchange.dispatch(
                    exchange.getIoThread(), onIoThread -> finish(onIoThread, namespace, answer))));
        } else if (exchange.isInIoThread()) {
            finish(exchange, namespace, response);
        } else {
            exchange.dispatch(exchange.getIoThread(), onIoThread -> finish(onIoThread, namespace, response));
        }
    }

    /** True to go on; else answers the refusal (or an allowed origin's preflight) and ends the exchange. */
    private boolean admittedByGuard(HttpServerExchange exchange) {
        ControlGuard.Decision decision = controlGuard.check(exchange.getRequestMethod().toString(),
                exchange.getRequestHeaders());
        decision.responseHeaders().forEach((name, value) -> exchange.getResponseHeaders().put(new HttpString(name),
                value));
        if (decision instanceof ControlGuard.Decision.Answer answer) {
            Response response = answer.error() == null ? new Response(answer.status(), null, null, Map.of())
                    : ControlApi.error(answer.status(), answer.error());
            answerAfterBody(exchange, response);
            return false;
        }
        return true;
    }

    private void finish(HttpServerExchange exchange, Namespace namespace, Response response) {
        journal(namespace, exchange, response.status(), null);
        send(exchange, response);
    }

    private Dispatcher dispatcher(Namespace namespace, String path) {
        return isControl(path) ? namespace.controlDispatcher() : namespace.dispatcher(apiName);
    }

    /** Removes a {@code /_ns/<name>} prefix from the path the APIs see; returns the prefix, or "" if none. */
    private static String stripNamespacePrefix(HttpServerExchange exchange) {
        String path = exchange.getRelativePath();
        if (!path.startsWith(Namespaces.PATH_PREFIX)) {
            return "";
        }
        int end = path.indexOf('/', Namespaces.PATH_PREFIX.length());
        String prefix = end < 0 ? path : path.substring(0, end);
        exchange.setRelativePath(end < 0 ? "/" : path.substring(end));
        return prefix;
    }

    private void journal(Namespace namespace, HttpServerExchange exchange, int status, FaultRegistry.Fault fault) {
        String path = exchange.getRelativePath();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach(values -> headers.put(values.getHeaderName().toString(),
                List.copyOf(values)));
        namespace.context().journal().record(isControl(path) ? "control" : apiName,
                namespace.context().clock().millis(), exchange.getRequestMethod().toString(), path,
                Redaction.query(exchange.getQueryString()), headers, exchange.getAttachment(Call.RECEIVED_BODY),
                exchange.getRequestContentLength(), status, fault == null ? null : fault.id());
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

    /** Answers {@code response} once the body is read (within the control API's limit), whatever it holds. */
    private static void answerAfterBody(HttpServerExchange exchange, Response response) {
        BodyReader.read(exchange, Namespace.CONTROL_BODY, BODY_STALL_TIMEOUT, new BodyReader.Outcome() {
            @Override
            public void received(HttpServerExchange ex) {
                send(ex, response);
            }

            @Override
            public void refused(HttpServerExchange ex, RuntimeException tooLarge) {
                sendClosing(ex, response);
            }

            @Override
            public void cutShort(HttpServerExchange ex) {
                IoUtils.safeClose(ex.getConnection());
            }
        });
    }

    /** Answers a request whose body was not read to its end: the connection cannot carry another request. */
    private static void sendClosing(HttpServerExchange exchange, Response response) {
        exchange.setPersistent(false);
        try {
            ResponseWriter.write(exchange, response, new IoCallback() {
                @Override
                public void onComplete(HttpServerExchange written, Sender sender) {
                    BodyReader.discardRestThenEnd(written);
                }

                @Override
                public void onException(HttpServerExchange failed, Sender sender, IOException e) {
                    IoUtils.safeClose(failed.getConnection());
                }
            });
        } catch (IOException e) {
            IoUtils.safeClose(exchange.getConnection());
        }
    }

    private static void send(HttpServerExchange exchange, Response response) {
        try {
            ResponseWriter.write(exchange, response);
        } catch (IOException e) {
            IoUtils.safeClose(exchange.getConnection());
        }
    }
}
