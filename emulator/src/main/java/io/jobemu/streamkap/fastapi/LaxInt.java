package io.jobemu.streamkap.fastapi;

import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * Pydantic v2's lax parsing of an {@code int} from a string, with {@code ge}/{@code le} bounds: surrounding
 * whitespace, underscores between digits and a fraction of zeros are allowed ({@code " 2 "}, {@code "1_000"},
 * {@code "2.0"}, but not {@code "2."}), nothing else is.
 */
final class LaxInt {

    /** Pydantic's limit on the length of an integer string. */
    private static final int MAX_DIGITS = 4300;
    private static final Pattern ZEROS = Pattern.compile("0+");
    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+(_[0-9]+)*");

    private LaxInt() {
    }

    /** The value, or null with the error recorded at {@code loc}. */
    static Integer parse(String text, int min, int max, Violations violations, Object... loc) {
        String digits = text.strip();
        if (digits.length() > MAX_DIGITS) {
            violations.intParsingSize(text, loc);
            return null;
        }
        int point = digits.indexOf('.');
        if (point >= 0 && ZEROS.matcher(digits.substring(point + 1)).matches()) {
            digits = digits.substring(0, point);
        }
        if (!INTEGER.matcher(digits).matches()) {
            violations.intParsing(text, loc);
            return null;
        }
        BigInteger value = new BigInteger(digits.replace("_", ""));
        if (value.compareTo(BigInteger.valueOf(min)) < 0) {
            violations.greaterThanEqual(min, text, loc);
            return null;
        }
        if (value.compareTo(BigInteger.valueOf(max)) > 0) {
            violations.lessThanEqual(max, text, loc);
            return null;
        }
        return value.intValue();
    }
}
