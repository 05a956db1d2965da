package io.jobemu.hardening;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** The hostile values the fuzz generator draws from, and builders for broken bodies. */
final class FuzzInputs {

    private FuzzInputs() {
    }

    /**
     * Path segment values, as written into the request target: traversal, encodings valid and not, control
     * characters, numbers out of range, and sizes no id has.
     */
    static final List<byte[]> PATH_VALUES = bytes(
            "..", "%2e%2e", "..%2F..%2F..%2Fetc%2Fpasswd", "..%5C..%5Cwindows%5Cwin.ini", "%2F", "%5C", "%2e",
            "%00", "a%00b", "%0d%0aX-Injected:%20yes", "%20", "%09", "%C3%28", "%FF%FE", "%C0%AF", "%E2%80%AE",
            "%F0%9F%98%80", "\u00fc\u00e9", "\u65e5\u672c", "x".repeat(4096), "0".repeat(31), "0".repeat(33),
            "0".repeat(64), "-1", "-0", "2147483648", "99999999999999999999999", "1e3", "0x10", "1.5", "NaN",
            "null", "undefined", "true", "{}", "%7B%7D", "[]", "'", "%22", "%3Cscript%3E", ";a=b", "a;b", "*",
            "~", "%24(id)", "CON", "nul.jar", "x.jar", ".jar", "a.JAR", "%2e%2e%2fx.jar", "..%2Fx.jar",
            "ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ", "-".repeat(36), "%25", "%", "%zz", "%2");
    /** Raw bytes no client library would put in a path: invalid UTF-8 and stray high bytes. */
    static final List<byte[]> RAW_PATH_VALUES = List.of(
            new byte[] {(byte) 0xff, (byte) 0xfe}, new byte[] {'a', (byte) 0xc3, '('},
            new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, new byte[] {(byte) 0x80});
    /** Query values: numbers at and past every integer bound, odd booleans, durations, encodings, sizes. */
    static final List<String> QUERY_VALUES = List.of(
            "", "-1", "0", "1", "2147483647", "2147483648", "-2147483649", "9223372036854775808", "1e309", "1.5",
            "NaN", "Infinity", "abc", "TRUE", "yes", "on", "%00", "%zz", "%", "%FF", "%C3%28", "x".repeat(8192),
            "a,b,,c", ",,,", "PT-5S", "P9999999999D", "PT9223372036854775807S", "PT0S",
            "+1000000000-01-01T00:00:00Z", "2030-01-01T00:00:00Z", "%26x%3D1", "=", "%3D", "'", "%22%22", "null", "{}",
            "..%2F..%2Fetc%2Fpasswd", "*", "%20%20", "\u00fc", "1;DROP%20TABLE%20jobs");
    /** Query parameter names no operation reads, and names that collide with framework conventions. */
    static final List<String> QUERY_NAMES = List.of("x", "", "%00", "_method", "callback", "a[b]", "%zz", "q".repeat(300));
    /** Methods no route declares, in the spellings clients and attackers use. */
    static final List<String> METHODS = List.of("FOO", "PROPFIND", "get", "Post", "TRACE", "OPTIONS", "HEAD", "PATCH",
            "PUT", "DELETE", "POST", "GET", "M-SEARCH", "BREW");
    /** JSON that does not parse. */
    static final List<String> INVALID_JSON = List.of(
            "{", "}", "{\"a\":}", "{'a':1}", "{\"a\":1,}", "[1,2", "nul", "tru", "\"unterminated", "{\"a\":\"\\u12\"}",
            "{\"a\":01}", "{\"a\":NaN}", "{\"a\":1}{\"b\":2}", "{\"a\":1} trailing", "{a:1}", ":", ",", "\u0000",
            "{\"a\":\"\t\"}", "{\"a\" 1}", "{\"\\ud800\":1}");
    /** Values of the wrong type, or of the right type but absurd. */
    static final List<String> JSON_VALUES = List.of(
            "\"str\"", "\"\"", "123", "0", "-1", "1.5", "1e400", "-1e400", "99999999999999999999999", "true", "false",
            "null", "[]", "{}", "[1,\"a\",null]", "{\"nested\":{\"deeper\":[{}]}}", "\"" + "x".repeat(10_000) + "\"",
            "\"../../../../etc/passwd\"", "\"\\u0000\"", "\"PT-1S\"", "\"P999999999999D\"", "\"\\ud800\"",
            "\"file:///etc/passwd\"", "\"hdfs:///x\"", "\"%s%s%s\"");
    /** Whole bodies of the wrong shape. */
    static final List<String> JSON_DOCUMENTS = List.of(
            "[]", "[{}]", "123", "\"text\"", "null", "true", "{}", "{\"\":1}", "[".repeat(20_000) + "]".repeat(20_000),
            "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000), "{\"a\":1,\"a\":2}", " ", "\n\n");
    /** Content types that misdescribe a body. */
    static final List<String> CONTENT_TYPES = List.of(
            "application/json; charset=ebcdic", "application/json; charset=", "text/plain", "*/*", "application/xml",
            "multipart/form-data", "multipart/form-data; boundary=", "multipart/mixed; boundary=x",
            "application/x-www-form-urlencoded", "application/java-archive", "application/python-wheel",
            "application/octet-stream", "image/png", "text/html; charset=utf-8", ";;;", "application/json;;a=b",
            "APPLICATION/JSON", "application/json; boundary=\"\"");

    /** Multipart bodies with a broken structure; {@code boundary} is the one the Content-Type names. */
    static List<byte[]> brokenMultiparts(String boundary, Random random) {
        String b = "--" + boundary;
        String part = "Content-Disposition: form-data; name=\"jarfile\"; filename=\"job.jar\"\r\n"
                + "Content-Type: application/java-archive\r\n\r\n";
        return List.of(
                latin("hello"),
                latin(b + "\r\n" + part + "PK\u0003\u0004 no closing delimiter"),
                latin("--other\r\n" + part + "x\r\n--other--\r\n"),
                latin(b + "\r\n\r\nno headers\r\n" + b + "--\r\n"),
                latin(b + "\r\nContent-Disposition: form-data\r\n\r\nno name\r\n" + b + "--\r\n"),
                latin(b + "\r\nContent-Disposition: \r\n\r\nx\r\n" + b + "--\r\n"),
                latin(b + "\r\nContent-Disposition form-data name=x\r\n\r\nx\r\n" + b + "--\r\n"),
                latin(b + "--\r\n"),
                latin(b + "\r\n" + part),
                latin(b + b + b),
                concat(latin(b + "\r\n" + part), garbage(random, 512), latin("\r\n" + b + "--\r\n")),
                latin(b + "\r\n" + "X-Header: " + "h".repeat(20_000) + "\r\n" + part + "x\r\n" + b + "--\r\n"));
    }

    /** One file part (optionally with extra parts) in a well-formed multipart body. */
    static byte[] multipart(String boundary, List<String[]> fields, String fileField, String fileName, byte[] file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String[] field : fields) {
            out.writeBytes(utf8("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field[0]
                    + "\"\r\n\r\n" + field[1] + "\r\n"));
        }
        if (fileName != null) {
            out.writeBytes(utf8("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField
                    + "\"; filename=\"" + fileName + "\"\r\nContent-Type: application/x-java-archive\r\n\r\n"));
            out.writeBytes(file);
            out.writeBytes(utf8("\r\n"));
        }
        out.writeBytes(utf8("--" + boundary + "--\r\n"));
        return out.toByteArray();
    }

    /** Upload file names: traversal in both separators, absolute paths, control characters, overlong names. */
    static final List<String> FILE_NAMES = List.of(
            "../../../../tmp/evil.jar", "..\\..\\..\\evil.jar", "/etc/passwd.jar", "C:\\Windows\\evil.jar",
            "a\u0000b.jar", "x".repeat(300) + ".jar", "", ".jar", "%2e%2e%2fevil.jar", "job.jar\r\nX-Evil: 1",
            "\u00fc\u00e9.jar", "job.JAR", "job.jar.exe", "job", "..", "./job.jar", " job.jar ", "job\".jar");

    static byte[] garbage(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    /** Invalid UTF-8 inside an otherwise well-formed JSON string. */
    static byte[] invalidUtf8Json(String field) {
        return concat(utf8("{\"" + field + "\":\""), new byte[] {(byte) 0xff, (byte) 0xfe, (byte) 0xc3, 0x28,
                (byte) 0xed, (byte) 0xa0, (byte) 0x80}, utf8("\"}"));
    }

    static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    static byte[] utf8(String text) {
        return text.getBytes(UTF_8);
    }

    static byte[] latin(String text) {
        return text.getBytes(ISO_8859_1);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static List<byte[]> bytes(String... values) {
        List<byte[]> result = new ArrayList<>();
        for (String value : values) {
            result.add(utf8(value));
        }
        return List.copyOf(result);
    }
}
