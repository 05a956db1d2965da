package io.jobemu.streamkap.auth;

/** Python's {@code str.strip()} on a header value, which Starlette decodes as Latin-1. */
final class PythonStrings {

    private PythonStrings() {
    }

    static String strip(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    /** {@code str.isspace()} for Latin-1: tab to carriage return, the four separators, space, NEL and NBSP. */
    private static boolean isSpace(char c) {
        return (c >= '\t' && c <= '\r') || (c >= '\u001c' && c <= ' ') || c == '\u0085' || c == '\u00a0';
    }
}
