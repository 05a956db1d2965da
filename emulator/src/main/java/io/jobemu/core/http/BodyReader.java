package io.jobemu.core.http;

import io.undertow.io.Receiver;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.form.FormDataParser;
import io.undertow.util.AttachmentKey;
import org.xnio.IoUtils;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Reads a request's whole body before anything answers it, without blocking, on the I/O thread that receives it:
 * a slow or stalled client holds no worker, and every answer (404s, 405s, errors, faults, the control API's) comes
 * only after the client has sent its body, so a client that sends {@code Connection: close} reads the real answer
 * instead of a reset. A body announced larger than its limit is refused at once, as the real servers do; one that
 * does not announce its length (chunked) is read up to the limit, then refused.
 */
public final class BodyReader {

    /** Why a multipart body could not be parsed; {@link Call#multipart()} throws it for the handler to answer. */
    static final AttachmentKey<IOException> MULTIPART_MALFORMATION = AttachmentKey.create(IOException.class);

    /** What became of the body. Each is called once, on the I/O thread, inside an Undertow handler call. */
    public interface Outcome {

        /** The whole body is attached to the exchange for {@link Call}. */
        void received(HttpServerExchange exchange);

        /**
         * The body cannot be taken: {@link BodyTooLargeException} past the limit, {@link StoreFullException} when
         * an upload cannot be written. Reading has stopped; the answer must close the connection.
         */
        void refused(HttpServerExchange exchange, RuntimeException refusal);

        /**
         * The client closed the connection before the end of its body, or sent nothing more for the stall timeout.
         * Reading has stopped; the connection must be closed without an answer.
         */
        void cutShort(HttpServerExchange exchange);
    }

    /**
     * How to read one body.
     *
     * @param maxBytes         the most body bytes taken
     * @param multipartTempDir where a multipart body's file parts go, or null to keep the body as raw bytes
     * @param overLimit        the refusal of a body past {@code maxBytes}
     */
    public record Plan(long maxBytes, Path multipartTempDir, Supplier<RuntimeException> overLimit) {

        /** A body kept as raw bytes, refused with a {@link BodyTooLargeException} past {@code maxBytes}. */
        public static Plan raw(long maxBytes) {
            return new Plan(maxBytes, null, () -> new BodyTooLargeException(maxBytes));
        }
    }

    /** After a refusal, the rest of the body is read and dropped for at most this long, then the connection closes. */
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(2);
    /** ... and at most this much of it. */
    private static final long DRAIN_MAX_BYTES = 64L * 1024 * 1024;

    private static final AttachmentKey<Reading> READING = AttachmentKey.create(Reading.class);

    private BodyReader() {
    }

    /**
     * Once a refusal has been written: reads and drops what the client still sends, for a short while, then ends the
     * exchange (and, since it was refused, the connection). A client still sending when the server closes would
     * otherwise get a reset, and with it lose the answer it had not read yet.
     */
    public static void discardRestThenEnd(HttpServerExchange exchange) {
        if (exchange.isRequestComplete()) {
            exchange.endExchange();
            return;
        }
        Reading reading = exchange.getAttachment(READING);
        if (reading == null) {
            reading = new Reading(exchange, Plan.raw(0), new RawSink(), null, DRAIN_TIMEOUT);
            reading.drain();
            reading.start();
        } else {
            reading.drain();
            reading.receiver.resume();
        }
    }

    /**
     * Reads the body as {@code plan} says and reports the outcome; a request without a body is received at once. A
     * body that makes no progress for {@code stallTimeout} is cut short, so a stalled client's connection and what it
     * sent so far do not stay forever.
     */
    public static void read(HttpServerExchange exchange, Plan plan, Duration stallTimeout, Outcome outcome) {
        if (exchange.isRequestComplete()) {
            outcome.received(exchange);
            return;
        }
        if (exchange.getRequestContentLength() > plan.maxBytes()) {
            // as the real servers do, a body announced too large is refused before it is sent
            outcome.refused(exchange, plan.overLimit().get());
            return;
        }
        Sink sink = plan.multipartTempDir() == null ? new RawSink()
                : new FormSink(MultipartForm.forExchange(exchange, plan.multipartTempDir()));
        new Reading(exchange, plan, sink, outcome, stallTimeout).start();
    }

    /** One body being read; touched only by the exchange's I/O thread. */
    private static final class Reading {
        private final HttpServerExchange exchange;
        private final Plan plan;
        private final Sink sink;
        private final Outcome outcome;
        private final Duration stallTimeout;
        private final Receiver receiver;
        private long total;
        private boolean over;
        /** Past a refusal: bytes are only counted and dropped until {@link #DRAIN_MAX_BYTES}. */
        private boolean draining;
        private long drained;

        Reading(HttpServerExchange exchange, Plan plan, Sink sink, Outcome outcome, Duration stallTimeout) {
            this.exchange = exchange;
            this.plan = plan;
            this.sink = sink;
            this.outcome = outcome;
            this.stallTimeout = stallTimeout;
            this.receiver = exchange.getRequestReceiver();
        }

        void start() {
            exchange.putAttachment(READING, this);
            if (!draining) {
                watchForStall(0);
            }
            receiver.receivePartialBytes(this::received, (ex, e) -> {
                if (draining) {
                    IoUtils.safeClose(ex.getConnection());
                    return;
                }
                end();
                sink.discard();
                if (e instanceof Receiver.RequestToLargeException) {
                    outcome.refused(ex, plan.overLimit().get());
                } else {
                    outcome.cutShort(ex);
                }
            });
        }

        void drain() {
            draining = true;
            over = true;
            exchange.getIoThread().executeAfter(this::stopDraining, DRAIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }

        private void stopDraining() {
            if (draining) {
                draining = false;
                receiver.pause();
                exchange.endExchange();
            }
        }

        private void received(HttpServerExchange ex, byte[] bytes, boolean last) {
            if (draining) {
                drained += bytes.length;
                if (last || drained > DRAIN_MAX_BYTES) {
                    stopDraining();
                }
                return;
            }
            total += bytes.length;
            if (total > plan.maxBytes()) {
                end();
                sink.discard();
                outcome.refused(ex, plan.overLimit().get());
                return;
            }
            try {
                sink.accept(bytes);
            } catch (IOException e) {
                end();
                outcome.refused(ex, new StoreFullException("The upload could not be written to "
                        + plan.multipartTempDir() + ": " + e));
                return;
            }
            if (last) {
                over = true;
                sink.attachTo(ex);
                outcome.received(ex);
            }
        }

        private void end() {
            over = true;
            receiver.pause();
        }

        /** Checks, every {@code stallTimeout}, that bytes came since the last check. */
        private void watchForStall(long totalAtLastCheck) {
            exchange.getIoThread().executeAfter(() -> {
                if (over) {
                    return;
                }
                if (total > totalAtLastCheck) {
                    watchForStall(total);
                    return;
                }
                end();
                sink.discard();
                outcome.cutShort(exchange);
            }, stallTimeout.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Where the body's bytes go. */
    private interface Sink {
        void accept(byte[] bytes) throws IOException;

        /** The body is complete: hand it to {@link Call}. */
        void attachTo(HttpServerExchange exchange);

        /** Reading stopped early: drop what was kept. */
        void discard();
    }

    private static final class RawSink implements Sink {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        @Override
        public void accept(byte[] chunk) {
            bytes.write(chunk, 0, chunk.length);
        }

        @Override
        public void attachTo(HttpServerExchange exchange) {
            exchange.putAttachment(Call.RECEIVED_BODY, bytes.toByteArray());
        }

        @Override
        public void discard() {
            bytes.reset();
        }
    }

    private static final class FormSink implements Sink {
        private final MultipartForm form;

        FormSink(MultipartForm form) {
            this.form = form;
        }

        @Override
        public void accept(byte[] chunk) throws IOException {
            form.accept(chunk);
        }

        @Override
        public void attachTo(HttpServerExchange exchange) {
            form.finish();
            if (form.malformation() != null) {
                exchange.putAttachment(MULTIPART_MALFORMATION, form.malformation());
                return;
            }
            exchange.putAttachment(FormDataParser.FORM_DATA, form.form());
            exchange.addExchangeCompleteListener((done, next) -> {
                form.deleteFiles();
                next.proceed();
            });
        }

        @Override
        public void discard() {
            form.deleteFiles();
        }
    }
}
