package io.jobemu.hardening;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import io.jobemu.Emulator;
import io.jobemu.EmulatorConfig;
import io.jobemu.testing.TestJars;
import io.jobemu.testing.TestHttp;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link Emulator#close()} finishes within its grace period whatever is in flight: stalled uploads, a request held by
 * a DELAY fault, a synchronous job waiting on the clock and idle keep-alive connections. Their connections are
 * closed, every port is released and the work directory is gone.
 */
class BoundedShutdownTest {

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void closeAbortsWhatIsInFlightAndReleasesEverything() throws Exception {
        Emulator emulator = Emulator.start(EmulatorConfig.forTests());
        TestHttp jobserver = new TestHttp(emulator.jobserverUrl());
        assertThat(jobserver.send("POST", "/binaries/demo", TestJars.withMainClass("example.Job"),
                "application/java-archive").status()).isEqualTo(201);
        assertThat(new TestHttp(emulator.flinkUrl()).post("/_emulator/faults",
                "{\"path\":\"/config\",\"action\":\"DELAY\",\"latency\":\"PT5M\"}")
                .status()).isEqualTo(201);
        List<Socket> inFlight = new ArrayList<>();
        inFlight.add(open(emulator.flinkUrl(), "POST /jars/upload HTTP/1.1\r\nContent-Type: multipart/form-data; "
                + "boundary=b\r\nTransfer-Encoding: chunked\r\n\r\n10\r\n--b\r\nContent-Dispo"));
        inFlight.add(open(emulator.jobserverUrl(), "POST /binaries/slow HTTP/1.1\r\nContent-Type: "
                + "application/java-archive\r\nContent-Length: 100000\r\n\r\nPK"));
        inFlight.add(open(emulator.flinkUrl(), "GET /config HTTP/1.1\r\n\r\n"));
        inFlight.add(open(emulator.jobserverUrl(), "POST /jobs?cp=demo&mainClass=spark.jobserver.LongPiJob"
                + "&sync=true&timeout=600 HTTP/1.1\r\nContent-Length: 0\r\n\r\n"));
        inFlight.add(open(emulator.streamkapUrl(), ""));
        awaitTrue(() -> emulator.faults().list().get(0).hits() == 1
                && emulator.jobserver().server().supervisor().jobs().size() == 1);
        Path workDir = emulator.namespace("default").context().workDir().getParent();
        List<Integer> ports = List.of(port(emulator.flinkUrl()), port(emulator.jobserverUrl()),
                port(emulator.streamkapUrl()));

        emulator.close();

        for (int i = 0; i < inFlight.size(); i++) {
            Socket socket = inFlight.get(i);
            socket.setSoTimeout(10_000);
            assertThat(socket.getInputStream().read()).as("connection %d closed by the server", i).isEqualTo(-1);
            socket.close();
        }
        for (int port : ports) {
            try (ServerSocket rebound = new ServerSocket(port)) {
                assertThat(rebound.getLocalPort()).isEqualTo(port);
            }
        }
        assertThat(Files.exists(workDir)).isFalse();
    }

    private static Socket open(String baseUrl, String request) throws IOException {
        URI uri = URI.create(baseUrl);
        Socket socket = new Socket(uri.getHost(), uri.getPort());
        String withHost = request.isEmpty() ? "" : request.replaceFirst("\r\n", "\r\nHost: " + uri.getAuthority()
                + "\r\n");
        socket.getOutputStream().write(withHost.getBytes(ISO_8859_1));
        socket.getOutputStream().flush();
        return socket;
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        for (int polls = 0; !condition.getAsBoolean(); polls++) {
            assertThat(polls).as("the requests reached the emulator").isLessThan(1200);
            Thread.sleep(25);
        }
    }

    private static int port(String baseUrl) {
        return URI.create(baseUrl).getPort();
    }
}
