package io.jobemu.jobserver;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * A user name and password from an {@code Authorization} header, read as akka-http reads it: the header must be
 * {@code basic} in any case, optional whitespace, one token68 ({@code 1*(ALPHA / DIGIT / "-._~+/") *"="}) and
 * optional whitespace to its end; anything else leaves akka with no Basic credentials (a header it cannot parse
 * stays a raw header, another scheme is other credentials). The token is decoded with akka's lenient
 * {@code Base64.rfc2045().decodeFast} (padding optional, other characters decoded as garbage, not refused), and
 * split at the first colon; a token without one is a user with an empty password.
 */
record BasicCredentials(String user, String password) {

    private static final String SCHEME = "basic";
    /** Base64 digit values; '=' counts as 0, anything else as -1, as in akka's decoder. */
    private static final int[] DIGITS = new int[128];

    static {
        Arrays.fill(DIGITS, -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < alphabet.length(); i++) {
            DIGITS[alphabet.charAt(i)] = i;
        }
        DIGITS['='] = 0;
    }

    /** Do not print the password. */
    @Override
    public String toString() {
        return "BasicCredentials[user=" + user + "]";
    }

    static Optional<BasicCredentials> parse(String header) {
        int end = header.length();
        int at = skipWhitespace(header, 0);
        while (end > at && isWhitespace(header.charAt(end - 1))) {
            end--;
        }
        if (end - at < SCHEME.length()) {
            return Optional.empty();
        }
        for (int i = 0; i < SCHEME.length(); i++) {
            if (Character.toLowerCase(header.charAt(at + i)) != SCHEME.charAt(i)) {
                return Optional.empty();
            }
        }
        int tokenStart = skipWhitespace(header, at + SCHEME.length());
        int tokenEnd = tokenStart;
        while (tokenEnd < end && isToken68(header.charAt(tokenEnd))) {
            tokenEnd++;
        }
        if (tokenEnd == tokenStart) {
            return Optional.empty();
        }
        while (tokenEnd < end && header.charAt(tokenEnd) == '=') {
            tokenEnd++;
        }
        if (skipWhitespace(header, tokenEnd) < end) {
            return Optional.empty();
        }
        String userPass;
        try {
            userPass = new String(decodeLikeAkka(header.substring(tokenStart, tokenEnd)), StandardCharsets.UTF_8);
        } catch (RuntimeException undecodable) {
            // akka's decoder throws on a few odd tokens (all padding, say): the header then does not parse
            return Optional.empty();
        }
        int colon = userPass.indexOf(':');
        return Optional.of(colon < 0 ? new BasicCredentials(userPass, "")
                : new BasicCredentials(userPass.substring(0, colon), userPass.substring(colon + 1)));
    }

    /**
     * The decoding of MiG Base64's {@code decodeFast}, which akka-http uses: ignores non-digits at either end, takes
     * up to two trailing '=' as padding, sizes the result from the length alone and decodes every character inside
     * as if it were a digit.
     */
    private static byte[] decodeLikeAkka(String token) {
        int first = 0;
        int last = token.length() - 1;
        while (first < last && DIGITS[token.charAt(first)] < 0) {
            first++;
        }
        while (last > 0 && DIGITS[token.charAt(last)] < 0) {
            last--;
        }
        int padding = token.charAt(last) == '=' ? (token.charAt(last - 1) == '=' ? 2 : 1) : 0;
        int length = ((last - first + 1) * 6 >> 3) - padding;
        byte[] bytes = new byte[length];
        int next = first;
        int written = 0;
        for (int whole = length / 3 * 3; written < whole; ) {
            int group = DIGITS[token.charAt(next++)] << 18 | DIGITS[token.charAt(next++)] << 12
                    | DIGITS[token.charAt(next++)] << 6 | DIGITS[token.charAt(next++)];
            bytes[written++] = (byte) (group >> 16);
            bytes[written++] = (byte) (group >> 8);
            bytes[written++] = (byte) group;
        }
        if (written < length) {
            int group = 0;
            for (int digit = 0; next <= last - padding; digit++) {
                group |= DIGITS[token.charAt(next++)] << (18 - digit * 6);
            }
            for (int shift = 16; written < length; shift -= 8) {
                bytes[written++] = (byte) (group >> shift);
            }
        }
        return bytes;
    }

    private static boolean isToken68(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~+/".indexOf(c) >= 0;
    }

    private static int skipWhitespace(String text, int from) {
        int at = from;
        while (at < text.length() && isWhitespace(text.charAt(at))) {
            at++;
        }
        return at;
    }

    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t';
    }
}
