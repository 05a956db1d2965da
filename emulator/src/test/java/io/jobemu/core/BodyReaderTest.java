package io.jobemu.core;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import io.jobemu.core.http.BodyReader;
import io.jobemu.core.http.Call;
import io.undertow.Undertow;
import io.undertow.server.HttpServerExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.xnio.IoUtils;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The body reader on a bare Undertow server, with a short stall timeout. */
class BodyReaderTest {

    private static final long LIMIT = 1000;

    private final List<String> outcomes = new CopyOnWriteArrayList<>();
    private Undertow server;
    private int port;

    @BeforeEach
    void start() {
        server = Undertow.builder().addHttpListener(0, "127.0.0.1").setHandler(exchange ->
                BodyReader.read(exchange, BodyReader.Plan.raw(LIMIT), Duration.ofMillis(300), new BodyReader.Outcome() {
                    @Override
                    public void received(HttpServerExchange ex) {
                        outcomes.add("received");
                        byte[] body = ex.getAttachment(Call.RECEIVED_BODY);
                        ex.getResponseSender().send("got " + (body == null ? 0 : body.length));
                    }

                    @Override
                    public void refused(HttpServerExchange ex, RuntimeException refusal) {
                        outcomes.add("refused");
                        ex.setStatusCode(413);
                        ex.setPersistent(false);
                        ex.getResponseSender().send(refusal.getMessage());
                    }

                    @Override
                    public void cutShort(HttpServerExchange ex) {
                        outcomes.add("cut short");
                        IoUtils.safeClose(ex.getConnection());
                    }
                })).build();
        server.start();
        port = ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void aBodyThatStallsIsCutShortAndItsConnectionClosed() throws IOException {
        try (Socket socket = send("Content-Length: 100\r\n\r\nonly ten b")) {
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
        }
        assertThat(outcomes).containsExactly("cut short");
    }

    @Test
    void aSlowButSteadyBodyIsReceived() throws Exception {
        try (Socket socket = send("Content-Length: 8\r\n\r\n")) {
            for (int i = 0; i < 8; i++) {
                Thread.sleep(100);
                socket.getOutputStream().write('x');
            }
            assertThat(answer(socket)).endsWith("got 8");
        }
        assertThat(outcomes).containsExactly("received");
    }

    @Test
    void aChunkedBodyPastTheLimitIsRefusedOnceItPassesIt() throws IOException {
        String chunk = "x".repeat(600);
        try (Socket socket = send("Transfer-Encoding: chunked\r\n\r\n258\r\n" + chunk + "\r\n258\r\n" + chunk
                + "\r\n")) {
            assertThat(answer(socket)).startsWith("HTTP/1.1 413 ").endsWith("request body larger than 1000 bytes");
        }
        assertThat(outcomes).containsExactly("refused");
    }

    private Socket send(String headersAndBody) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(30_000);
        socket.getOutputStream().write(("POST /x HTTP/1.1\r\nHost: localhost\r\n" + headersAndBody)
                .getBytes(ISO_8859_1));
        socket.getOutputStream().flush();
        return socket;
    }

    private static String answer(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        StringBuilder text = new StringBuilder();
        byte[] buffer = new byte[4096];
        for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
            text.append(new String(buffer, 0, read, StandardCharsets.ISO_8859_1));
            if (text.indexOf("\r\n\r\n") >= 0 && text.toString().matches("(?s).*(got \\d+|bytes)$")) {
                break;
            }
        }
        return text.toString();
    }
}
