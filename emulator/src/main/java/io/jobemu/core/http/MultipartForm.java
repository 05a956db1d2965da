package io.jobemu.core.http;

import io.undertow.server.handlers.form.FormData;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import io.undertow.util.MalformedMessageException;
import io.undertow.util.MultipartParser;
import io.undertow.server.HttpServerExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A multipart/form-data body parsed into a {@link FormData} as it arrives, so no thread waits for a slow upload.
 * File parts above {@link #IN_MEMORY_FILE_PART_BYTES} go to a temp file; a body that is not valid multipart is
 * remembered as {@link #malformation()} and the rest of it is discarded, for the handler to answer as its API does.
 * Not thread-safe: one exchange's I/O thread feeds it.
 */
final class MultipartForm implements MultipartParser.PartHandler {

    /**
     * File parts up to this size stay in memory: a stub jar (the emulator runs no code, so tests upload a manifest
     * and a class or two) then skips a temp file and its move.
     */
    private static final int IN_MEMORY_FILE_PART_BYTES = 8 * 1024;
    /** As many fields as Undertow's own parser allows by default. */
    private static final int MAX_FIELDS = 1000;

    private final Path tempDir;
    private final FormData form = new FormData(MAX_FIELDS);
    private final List<Path> files = new ArrayList<>();
    private final ByteArrayOutputStream partBytes = new ByteArrayOutputStream();
    private MultipartParser.ParseState parser;
    private IOException malformation;
    private IOException storageFailure;
    private HeaderMap partHeaders;
    private String partName;
    private String fileName;
    private Path partFile;
    private FileChannel partChannel;

    /** Null when the content type names no boundary: the body is then read as malformed. */
    static MultipartForm forExchange(HttpServerExchange exchange, Path tempDir) {
        MultipartForm form = new MultipartForm(tempDir);
        String contentType = exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE);
        String boundary = contentType == null ? null : boundaryOf(contentType);
        if (boundary == null || boundary.isEmpty()) {
            form.malformation = new IOException("multipart/form-data request without a boundary");
        } else {
            form.parser = MultipartParser.beginParse(exchange.getConnection().getByteBufferPool(), form,
                    boundary.getBytes(StandardCharsets.US_ASCII), StandardCharsets.UTF_8.name());
        }
        return form;
    }

    /** Undertow's header parser throws on some malformed values (an empty boundary at the end): null for those. */
    private static String boundaryOf(String contentType) {
        try {
            return Headers.extractQuotedValueFromHeader(contentType, "boundary");
        } catch (RuntimeException e) {
            return null;
        }
    }

    private MultipartForm(Path tempDir) {
        this.tempDir = tempDir;
    }

    /**
     * Parses the next bytes of the body.
     *
     * @throws IOException when a file part cannot be written (a full disk, say): the upload cannot be stored
     */
    void accept(byte[] bytes) throws IOException {
        if (malformation != null) {
            return;
        }
        try {
            parser.parse(ByteBuffer.wrap(bytes));
        } catch (MalformedMessageException | RuntimeException e) {
            fail(new IOException("malformed multipart/form-data body", e));
        } catch (IOException e) {
            if (storageFailure != null) {
                deleteFiles();
                throw storageFailure;
            }
            fail(e);
        }
    }

    /** The body has ended: a form that did not reach its closing boundary is malformed. */
    void finish() {
        if (malformation == null && !parser.isComplete()) {
            fail(new IOException("multipart/form-data body ended before its closing boundary"));
        }
    }

    FormData form() {
        return form;
    }

    IOException malformation() {
        return malformation;
    }

    /** Deletes every temp file this form wrote. */
    void deleteFiles() {
        closePartChannel();
        for (Path file : files) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // the namespace's work dir is removed when it closes
            }
        }
        files.clear();
    }

    private void fail(IOException cause) {
        malformation = cause;
        deleteFiles();
    }

    @Override
    public void beginPart(HeaderMap headers) {
        partHeaders = headers;
        partName = null;
        fileName = null;
        partBytes.reset();
        String disposition = headers.getFirst(Headers.CONTENT_DISPOSITION);
        if (disposition != null && disposition.startsWith("form-data")) {
            partName = Headers.extractQuotedValueFromHeader(disposition, "name");
            fileName = Headers.extractQuotedValueFromHeaderWithEncoding(disposition, "filename");
        }
    }

    @Override
    public void data(ByteBuffer buffer) throws IOException {
        try {
            if (partChannel == null && fileName != null
                    && partBytes.size() + buffer.remaining() > IN_MEMORY_FILE_PART_BYTES) {
                partFile = Files.createTempFile(tempDir, "upload-", ".part");
                files.add(partFile);
                partChannel = FileChannel.open(partFile, StandardOpenOption.WRITE);
                partChannel.write(ByteBuffer.wrap(partBytes.toByteArray()));
                partBytes.reset();
            }
            if (partChannel != null) {
                while (buffer.hasRemaining()) {
                    partChannel.write(buffer);
                }
                return;
            }
        } catch (IOException e) {
            storageFailure = e;
            throw e;
        }
        byte[] chunk = new byte[buffer.remaining()];
        buffer.get(chunk);
        partBytes.write(chunk, 0, chunk.length);
    }

    @Override
    public void endPart() {
        if (partChannel != null) {
            closePartChannel();
            form.add(partName, partFile, fileName, partHeaders);
        } else if (fileName != null) {
            form.add(partName, partBytes.toByteArray(), fileName, partHeaders);
        } else {
            Charset charset = charsetOf(partHeaders);
            form.add(partName, partBytes.toString(charset), charset.name(), partHeaders);
        }
        partFile = null;
        partBytes.reset();
    }

    private void closePartChannel() {
        if (partChannel == null) {
            return;
        }
        try {
            partChannel.close();
        } catch (IOException e) {
            storageFailure = e;
        }
        partChannel = null;
    }

    private static Charset charsetOf(HeaderMap headers) {
        String contentType = headers.getFirst(Headers.CONTENT_TYPE);
        String name = contentType == null ? null : Headers.extractQuotedValueFromHeader(contentType, "charset");
        if (name == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return StandardCharsets.UTF_8;
        }
    }
}
