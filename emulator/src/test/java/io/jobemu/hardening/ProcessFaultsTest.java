package io.jobemu.hardening;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import io.jobemu.Main;
import io.jobemu.testing.TestHttp;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The emulator as a process: SIGTERM with uploads in flight exits within the shutdown grace period and leaves no
 * temp files; after a kill -9 mid-upload, the next start removes what the killed process left.
 */
class ProcessFaultsTest {

    @TempDir
    Path tempRoot;

    @Test
    void sigtermWithUploadsInFlightExitsPromptlyAndLeavesNoTempFiles() throws Exception {
        Emulator running = launch();
        List<Socket> uploads = new ArrayList<>();
        try {
            uploads.add(startUpload(running.url("flink"), "POST /jars/upload"));
            uploads.add(startUpload(running.url("streamkap"), "POST /flink_jobs/jar"));
            awaitUploadFile();

            running.process().destroy();

            assertThat(running.process().waitFor(30, TimeUnit.SECONDS)).as("exited after SIGTERM").isTrue();
            assertThat(workDirs()).isEmpty();
        } finally {
            for (Socket upload : uploads) {
                upload.close();
            }
            running.process().destroyForcibly();
        }
    }

    @Test
    void aStartAfterAKillNineRemovesTheKilledProcesssTempFilesAndServes() throws Exception {
        Emulator killed = launch();
        Path killedDir;
        try (Socket upload = startUpload(killed.url("flink"), "POST /jars/upload")) {
            awaitUploadFile();
            killedDir = workDirs().get(0);
            killed.process().destroyForcibly();
            assertThat(killed.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(killedDir).exists();

        Emulator restarted = launch();
        try {
            assertThat(killedDir).doesNotExist();
            assertThat(workDirs()).hasSize(1);
            TestHttp flink = new TestHttp(restarted.url("flink"));
            assertThat(flink.get("/_emulator/health").status()).isEqualTo(200);
            assertThat(flink.get("/jars").json().path("files")).isEmpty();
        } finally {
            restarted.process().destroy();
            restarted.process().waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(workDirs()).isEmpty();
    }

    /** A started emulator process and the URLs it printed. */
    private record Emulator(Process process, Map<String, String> urls) {
        String url(String api) {
            return urls.get(api);
        }
    }

    private Emulator launch() throws IOException {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + tempRoot, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "--flink-port", "0", "--jobserver-port", "0", "--streamkap-port", "0")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        Map<String, String> urls = new LinkedHashMap<>();
        for (String line = out.readLine(); line != null && !line.equals("ready"); line = out.readLine()) {
            String[] apiAndUrl = line.trim().split(" +");
            urls.put(apiAndUrl[0], apiAndUrl[1]);
        }
        assertThat(urls).containsOnlyKeys("flink", "jobserver", "streamkap");
        return new Emulator(process, urls);
    }

    /** Sends the start of a multipart upload whose file part is large enough to go to a temp file, then stalls. */
    private static Socket startUpload(String baseUrl, String requestLine) throws IOException {
        URI uri = URI.create(baseUrl);
        Socket socket = new Socket(uri.getHost(), uri.getPort());
        String start = "--b\r\nContent-Disposition: form-data; name=\"jar_file\"; filename=\"big.jar\"\r\n\r\n"
                + "x".repeat(64 * 1024);
        socket.getOutputStream().write((requestLine + " HTTP/1.1\r\nHost: " + uri.getAuthority()
                + "\r\nContent-Type: multipart/form-data; boundary=b\r\nTransfer-Encoding: chunked\r\n\r\n"
                + Integer.toHexString(start.length()) + "\r\n" + start + "\r\n").getBytes(ISO_8859_1));
        socket.getOutputStream().flush();
        return socket;
    }

    private void awaitUploadFile() throws IOException, InterruptedException {
        for (int polls = 0; uploadFiles() == 0; polls++) {
            assertThat(polls).as("an upload temp file appears").isLessThan(600);
            Thread.sleep(50);
        }
    }

    private long uploadFiles() throws IOException {
        try (Stream<Path> files = Files.walk(tempRoot)) {
            return files.filter(Files::isRegularFile).filter(f -> f.getFileName().toString().endsWith(".part"))
                    .count();
        }
    }

    private List<Path> workDirs() throws IOException {
        try (Stream<Path> dirs = Files.list(tempRoot)) {
            return dirs.filter(dir -> dir.getFileName().toString().startsWith("jobemu-")).toList();
        }
    }
}
