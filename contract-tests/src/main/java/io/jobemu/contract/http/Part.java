package io.jobemu.contract.http;

import java.nio.charset.StandardCharsets;

/**
 * One part of a multipart/form-data body.
 *
 * @param fileName null for a plain form field
 */
public record Part(String name, String fileName, String contentType, byte[] content) {

    public static Part field(String name, String value) {
        return new Part(name, null, null, value.getBytes(StandardCharsets.UTF_8));
    }

    public static Part file(String name, String fileName, String contentType, byte[] content) {
        return new Part(name, fileName, contentType, content);
    }

    public boolean isFile() {
        return fileName != null;
    }
}
