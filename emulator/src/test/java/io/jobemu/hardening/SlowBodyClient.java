package io.jobemu.hardening;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Sends one request whose body streams in pieces with pauses between them, as a slow uploader or Flink's own client
 * does, with {@code Connection: close}, then reads the answer. It notes whether any answer had arrived before the
 * last piece went out: a server that answers before it has read the body (and then closes) shows up as
 * {@link Result#answeredBeforeTheBodyEnded()} or as a reset instead of an answer.
 */
final class SlowBodyClient {

    /** How long the client waits between pieces: long enough for a server that answers early to have done so. */
    private static final long PAUSE_MILLIS = 150;

    /** What came back: the status line and body, or {@code status} 0 with the failure. */
    record Result(int status, String body, boolean answeredBeforeTheBodyEnded, String failure) {
        @Override
        public String toString() {
            return failure != null ? failure : status + " " + RawHttp.abbreviate(body, 300)
                    + (answeredBeforeTheBodyEnded ? " (answered before the body ended)" : "");
        }
    }

    private final String host;
    private final int port;

    SlowBodyClient(String baseUrl) {
        URI uri = URI.create(baseUrl);
        this.host = uri.getHost();
        this.port = uri.getPort();
    }

    /**
     * @param chunked true for {@code Transfer-Encoding: chunked}, false for a {@code Content-Length} of the whole
     */
    Result send(String method, String target, List<String> headers, List<byte[]> pieces, boolean chunked) {
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            long length = pieces.stream().mapToLong(piece -> piece.length).sum();
            StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\nHost: ")
                    .append(host).append(':').append(port).append("\r\nConnection: close\r\n")
                    .append(chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + length + "\r\n");
            headers.forEach(header -> head.append(header).append("\r\n"));
            out.write(head.append("\r\n").toString().getBytes(ISO_8859_1));
            out.flush();
            boolean early = false;
            for (byte[] piece : pieces) {
                pause();
                early |= socket.getInputStream().available() > 0;
                if (chunked) {
                    out.write((Integer.toHexString(piece.length) + "\r\n").getBytes(ISO_8859_1));
                    out.write(piece);
                    out.write("\r\n".getBytes(ISO_8859_1));
                } else {
                    out.write(piece);
                }
                out.flush();
            }
            if (chunked) {
                out.write("0\r\n\r\n".getBytes(ISO_8859_1));
                out.flush();
            }
            return read(in, early);
        } catch (IOException e) {
            return new Result(0, "", false, "failed: " + e);
        }
    }

    private static Result read(InputStream in, boolean early) throws IOException {
        String statusLine = line(in);
        if (statusLine == null) {
            return new Result(0, "", early, "closed without an answer");
        }
        long length = -1;
        for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Long.parseLong(line.substring("content-length:".length()).trim());
            }
        }
        byte[] body = length < 0 ? in.readAllBytes() : in.readNBytes((int) length);
        return new Result(Integer.parseInt(statusLine.split(" ")[1]), new String(body, ISO_8859_1), early, null);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1; b = in.read()) {
            if (b == '\n') {
                return line.toString(ISO_8859_1).stripTrailing();
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(ISO_8859_1);
    }

    private static void pause() throws IOException {
        try {
            Thread.sleep(PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted between body pieces");
        }
    }
}
