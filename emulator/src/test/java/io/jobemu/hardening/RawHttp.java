package io.jobemu.hardening;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP/1.1 client over a bare socket, so a request can be anything: an unknown method, raw bytes in the target,
 * a body that lies about its length, broken chunking. One request per connection ({@code Connection: close}).
 */
final class RawHttp {

    /** How the body is framed on the wire. */
    enum Framing {
        /** {@code Content-Length} of the body (none for an empty body). */
        LENGTH,
        /** One chunk holding the whole body. */
        CHUNKED,
        /** Declares twice the body's length, sends the body, then closes the sending side: a truncated upload. */
        TRUNCATED,
        /** {@code Content-Length} of the body, which follows the headers only after a pause: the server must wait. */
        LATE,
        /** Only the headers the request lists: the caller frames the body (or breaks the framing) itself. */
        VERBATIM
    }

    /** One request; {@code target} is raw bytes so it can hold what no URI class accepts. */
    record Request(String method, byte[] target, List<String[]> headers, byte[] body, Framing framing) {

        static Request of(String method, String target) {
            return new Request(method, target.getBytes(UTF_8), List.of(), new byte[0], Framing.LENGTH);
        }

        Request withHeader(String name, String value) {
            List<String[]> more = new ArrayList<>(headers);
            more.add(new String[] {name, value});
            return new Request(method, target, more, body, framing);
        }

        Request withBody(byte[] newBody) {
            return new Request(method, target, headers, newBody, framing);
        }

        Request withFraming(Framing newFraming) {
            return new Request(method, target, headers, body, newFraming);
        }

        /** The target as text, invalid UTF-8 shown as U+FFFD. */
        String targetText() {
            return new String(target, UTF_8);
        }

        String header(String name) {
            return headers.stream().filter(h -> h[0].equalsIgnoreCase(name)).map(h -> h[1]).findFirst()
                    .orElse(null);
        }

        @Override
        public String toString() {
            String shownBody = body.length > 200 ? new String(body, 0, 200, UTF_8) + "...(" + body.length + " bytes)"
                    : new String(body, UTF_8);
            StringBuilder text = new StringBuilder(method).append(' ').append(abbreviate(targetText(), 300));
            headers.forEach(h -> text.append(" [").append(h[0]).append(": ").append(abbreviate(h[1], 100))
                    .append(']'));
            return text.append(" <").append(framing).append("> ").append(shownBody).toString();
        }
    }

    /**
     * What came back: a status, or {@code status} 0 with {@code failure} when the connection ended without an
     * answer ("closed") or nothing came in time ("timeout").
     */
    record Response(int status, Map<String, String> headers, byte[] body, String failure) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String contentType() {
            String type = header("content-type");
            return type == null ? "" : type;
        }

        String text() {
            return new String(body, UTF_8);
        }

        boolean answered() {
            return failure == null;
        }

        @Override
        public String toString() {
            return answered() ? status + " " + contentType() + " " + abbreviate(text(), 400) : failure;
        }
    }

    private final String host;
    private final int port;
    private final int timeoutMillis;

    RawHttp(String baseUrl, int timeoutMillis) {
        URI uri = URI.create(baseUrl);
        this.host = uri.getHost();
        this.port = uri.getPort();
        this.timeoutMillis = timeoutMillis;
    }

    Response send(Request request) {
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(timeoutMillis);
            try {
                write(socket, request);
            } catch (IOException e) {
                // The server may answer (413, say) and close before taking the whole body: read what it said.
            }
            return read(new BufferedInputStream(socket.getInputStream()), request.method().equals("HEAD"));
        } catch (SocketTimeoutException e) {
            return new Response(0, Map.of(), new byte[0], "timeout: no answer within " + timeoutMillis + " ms");
        } catch (IOException e) {
            return new Response(0, Map.of(), new byte[0], "closed: " + e);
        }
    }

    /** Sends {@code bytes} as they are, closes the sending side and reads what comes back. */
    Response sendRaw(byte[] bytes) {
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(timeoutMillis);
            try {
                socket.getOutputStream().write(bytes);
                socket.shutdownOutput();
            } catch (IOException e) {
                // the server may refuse and close before taking everything: read what it said
            }
            return read(new BufferedInputStream(socket.getInputStream()), false);
        } catch (SocketTimeoutException e) {
            return new Response(0, Map.of(), new byte[0], "timeout: no answer within " + timeoutMillis + " ms");
        } catch (IOException e) {
            return new Response(0, Map.of(), new byte[0], "closed: " + e);
        }
    }

    private void write(Socket socket, Request request) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        head.write((request.method() + " ").getBytes(ISO_8859_1));
        head.write(request.target());
        String hostHeader = request.header("Host") != null ? "" : "Host: " + host + ":" + port + "\r\n";
        head.write((" HTTP/1.1\r\n" + hostHeader + "Connection: close\r\n").getBytes(ISO_8859_1));
        for (String[] header : request.headers()) {
            head.write((header[0] + ": " + header[1] + "\r\n").getBytes(UTF_8));
        }
        byte[] body = request.body();
        switch (request.framing()) {
            case LENGTH, LATE -> {
                if (body.length > 0) {
                    head.write(("Content-Length: " + body.length + "\r\n").getBytes(ISO_8859_1));
                }
            }
            case CHUNKED -> head.write("Transfer-Encoding: chunked\r\n".getBytes(ISO_8859_1));
            case TRUNCATED -> head.write(("Content-Length: " + (2L * body.length + 1) + "\r\n")
                    .getBytes(ISO_8859_1));
            case VERBATIM -> { }
        }
        head.write("\r\n".getBytes(ISO_8859_1));
        OutputStream out = socket.getOutputStream();
        out.write(head.toByteArray());
        if (request.framing() == Framing.LATE) {
            out.flush();
            pause();
        }
        if (request.framing() == Framing.CHUNKED) {
            if (body.length > 0) {
                out.write((Integer.toHexString(body.length) + "\r\n").getBytes(ISO_8859_1));
                out.write(body);
                out.write("\r\n".getBytes(ISO_8859_1));
            }
            out.write("0\r\n\r\n".getBytes(ISO_8859_1));
        } else {
            out.write(body);
        }
        out.flush();
        if (request.framing() == Framing.TRUNCATED) {
            socket.shutdownOutput();
        }
    }

    /** Long enough for the server to have read the headers and found the body still missing. */
    private static void pause() throws IOException {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while holding back a body");
        }
    }

    /** Reads one answer, skipping interim 1xx ones. */
    private static Response read(InputStream in, boolean head) throws IOException {
        while (true) {
            String statusLine = line(in);
            if (statusLine == null) {
                return new Response(0, Map.of(), new byte[0], "closed: connection ended without an answer");
            }
            String[] parts = statusLine.split(" ", 3);
            int status = Integer.parseInt(parts[1]);
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
                int colon = line.indexOf(':');
                headers.merge(line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        line.substring(colon + 1).trim(), (a, b) -> a + ", " + b);
            }
            if (status < 200) {
                continue;
            }
            byte[] body;
            if (head || status == 204 || status == 304) {
                body = new byte[0];
            } else if (headers.containsKey("content-length")) {
                body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
            } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                body = dechunk(in);
            } else {
                body = in.readAllBytes();
            }
            return new Response(status, headers, body, null);
        }
    }

    private static byte[] dechunk(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (String size = line(in); size != null; size = line(in)) {
            int length = Integer.parseInt(size.split(";")[0].trim(), 16);
            if (length == 0) {
                break;
            }
            body.write(in.readNBytes(length));
            line(in);
        }
        return body.toByteArray();
    }

    /** One CRLF-terminated line, or null at the end of the stream. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, ISO_8859_1);
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(ISO_8859_1);
    }

    static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "...";
    }
}
