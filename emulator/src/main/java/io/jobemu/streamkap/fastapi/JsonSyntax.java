package io.jobemu.streamkap.fastapi;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.Optional;

/**
 * Finds the first syntax error in a JSON text and words it the way one of the two parsers behind a FastAPI service
 * does: Python's {@code json} module (request bodies, {@link Dialect#PYTHON}) or pydantic's jiter (fields typed
 * {@code Json[...]}, {@link Dialect#JITER}). The two walk the text alike but differ in wording, in where they point
 * and in how they read numbers: Python takes the longest valid number prefix and lets what follows fail, jiter
 * rejects the malformed number itself.
 */
final class JsonSyntax {

    enum Dialect { PYTHON, JITER }

    /** Python's nesting depth before a RecursionError (which FastAPI answers with 400), jiter's before its error. */
    private static final int PYTHON_MAX_DEPTH = 990;
    private static final int JITER_MAX_DEPTH = 201;

    /**
     * A syntax error.
     *
     * @param message Python's {@code JSONDecodeError.msg}, or jiter's full description with line and column
     * @param position the character index Python reports; for jiter the index the description points at
     */
    record SyntaxError(String message, int position) {
    }

    /** Nesting deeper than Python's recursion limit: not a JSONDecodeError, so FastAPI does not answer 422. */
    static final class TooDeepException extends RuntimeException {
        TooDeepException() {
            super("maximum recursion depth exceeded while decoding a JSON object", null, false, false);
        }
    }

    /** Where the walk stopped; each dialect words it in its own way. */
    private enum Problem {
        VALUE_EOF, VALUE_BAD, ARRAY_START_EOF, ARRAY_TRAILING_COMMA, OBJECT_START_EOF, KEY_EOF, KEY_NOT_STRING,
        OBJECT_TRAILING_COMMA, COLON_EOF, COLON_MISSING, OBJECT_SEPARATOR_EOF, OBJECT_SEPARATOR_BAD,
        ARRAY_SEPARATOR_EOF, ARRAY_SEPARATOR_BAD, STRING_EOF, STRING_CONTROL, ESCAPE_BAD, UNICODE_ESCAPE_BAD,
        TRAILING, LITERAL_BAD, NUMBER_BAD, TOO_DEEP
    }

    private static final class Stop extends RuntimeException {
        final Problem problem;
        final int index;

        Stop(Problem problem, int index) {
            super(null, null, false, false);
            this.problem = problem;
            this.index = index;
        }
    }

    private final String text;
    private final Dialect dialect;
    private int pos;
    private int depth;

    private JsonSyntax(String text, Dialect dialect) {
        this.text = text;
        this.dialect = dialect;
    }

    /**
     * The first syntax error of {@code text}, empty when it is valid JSON.
     *
     * @throws TooDeepException (Python dialect) when nesting exceeds Python's recursion limit
     */
    static Optional<SyntaxError> check(String text, Dialect dialect) {
        JsonSyntax walk = new JsonSyntax(text, dialect);
        try {
            walk.skipWhitespace();
            walk.value();
            walk.skipWhitespace();
            if (walk.pos < text.length()) {
                throw new Stop(Problem.TRAILING, walk.pos);
            }
            return Optional.empty();
        } catch (Stop stop) {
            if (stop.problem == Problem.TOO_DEEP && dialect == Dialect.PYTHON) {
                throw new TooDeepException();
            }
            return Optional.of(dialect == Dialect.PYTHON ? new SyntaxError(pythonMessage(stop.problem), stop.index)
                    : new SyntaxError(jiterMessage(stop.problem) + " at " + jiterLocation(text, stop.index),
                            stop.index));
        }
    }

    private void value() {
        if (pos >= text.length()) {
            throw new Stop(Problem.VALUE_EOF, pos);
        }
        char c = text.charAt(pos);
        switch (c) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> string();
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            default -> {
                if (c == '-' || isDigit(c)) {
                    number();
                } else {
                    throw new Stop(Problem.VALUE_BAD, pos);
                }
            }
        }
    }

    private void object() {
        enter();
        pos++;
        skipWhitespace();
        if (peekIs('}')) {
            pos++;
            depth--;
            return;
        }
        if (pos >= text.length()) {
            throw new Stop(Problem.OBJECT_START_EOF, pos);
        }
        while (true) {
            if (!peekIs('"')) {
                throw new Stop(Problem.KEY_NOT_STRING, pos);
            }
            string();
            skipWhitespace();
            if (!peekIs(':')) {
                throw new Stop(pos >= text.length() ? Problem.COLON_EOF : Problem.COLON_MISSING, pos);
            }
            pos++;
            skipWhitespace();
            value();
            skipWhitespace();
            if (peekIs('}')) {
                pos++;
                depth--;
                return;
            }
            if (!peekIs(',')) {
                throw new Stop(pos >= text.length() ? Problem.OBJECT_SEPARATOR_EOF : Problem.OBJECT_SEPARATOR_BAD,
                        pos);
            }
            pos++;
            skipWhitespace();
            if (pos >= text.length()) {
                throw new Stop(Problem.KEY_EOF, pos);
            }
            if (peekIs('}')) {
                throw new Stop(Problem.OBJECT_TRAILING_COMMA, pos);
            }
        }
    }

    private void array() {
        enter();
        pos++;
        skipWhitespace();
        if (peekIs(']')) {
            pos++;
            depth--;
            return;
        }
        if (pos >= text.length()) {
            throw new Stop(Problem.ARRAY_START_EOF, pos);
        }
        while (true) {
            value();
            skipWhitespace();
            if (peekIs(']')) {
                pos++;
                depth--;
                return;
            }
            if (!peekIs(',')) {
                throw new Stop(pos >= text.length() ? Problem.ARRAY_SEPARATOR_EOF : Problem.ARRAY_SEPARATOR_BAD, pos);
            }
            pos++;
            skipWhitespace();
            if (peekIs(']')) {
                throw new Stop(Problem.ARRAY_TRAILING_COMMA, pos);
            }
        }
    }

    private void enter() {
        depth++;
        if (depth > (dialect == Dialect.PYTHON ? PYTHON_MAX_DEPTH : JITER_MAX_DEPTH)) {
            throw new Stop(Problem.TOO_DEEP, pos);
        }
    }

    private void string() {
        int start = pos;
        pos++;
        while (true) {
            if (pos >= text.length()) {
                throw stringEof(start);
            }
            char c = text.charAt(pos);
            if (c == '"') {
                pos++;
                return;
            }
            if (c < 0x20) {
                throw new Stop(Problem.STRING_CONTROL, pos);
            }
            if (c == '\\') {
                escape(start);
            } else {
                pos++;
            }
        }
    }

    /** Python points at the opening quote of an unterminated string; jiter at the end of the text. */
    private Stop stringEof(int start) {
        return new Stop(Problem.STRING_EOF, dialect == Dialect.PYTHON ? start : text.length());
    }

    private void escape(int stringStart) {
        int backslash = pos;
        if (backslash + 1 >= text.length()) {
            throw stringEof(stringStart);
        }
        char kind = text.charAt(backslash + 1);
        if ("\"\\/bfnrt".indexOf(kind) >= 0) {
            pos += 2;
            return;
        }
        if (kind != 'u') {
            throw new Stop(Problem.ESCAPE_BAD, dialect == Dialect.PYTHON ? backslash : backslash + 1);
        }
        int hexStart = backslash + 2;
        for (int i = hexStart; i < hexStart + 4; i++) {
            if (i >= text.length()) {
                throw dialect == Dialect.PYTHON ? new Stop(Problem.UNICODE_ESCAPE_BAD, backslash + 1)
                        : stringEof(stringStart);
            }
            if (Character.digit(text.charAt(i), 16) < 0) {
                throw new Stop(Problem.UNICODE_ESCAPE_BAD, dialect == Dialect.PYTHON ? backslash + 1 : i);
            }
        }
        pos = hexStart + 4;
    }

    /** Python matches the whole word or fails at its start; jiter fails at the first character that differs. */
    private void literal(String word) {
        if (dialect == Dialect.PYTHON) {
            if (!text.startsWith(word, pos)) {
                throw new Stop(Problem.VALUE_BAD, pos);
            }
            pos += word.length();
            return;
        }
        for (int i = 0; i < word.length(); i++) {
            if (pos + i >= text.length()) {
                throw new Stop(Problem.VALUE_EOF, text.length());
            }
            if (text.charAt(pos + i) != word.charAt(i)) {
                throw new Stop(Problem.LITERAL_BAD, pos + i);
            }
        }
        pos += word.length();
    }

    /** {@code -?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?}. */
    private void number() {
        int start = pos;
        int i = pos;
        if (text.charAt(i) == '-') {
            i++;
        }
        if (i >= text.length() || !isDigit(text.charAt(i))) {
            throw numberProblem(start, i);
        }
        if (text.charAt(i) == '0') {
            i++;
            if (dialect == Dialect.JITER && i < text.length() && isDigit(text.charAt(i))) {
                throw new Stop(Problem.NUMBER_BAD, i);
            }
        } else {
            i = digits(i);
        }
        i = optionalPart(i, start, '.');
        i = optionalPart(i, start, 'e');
        pos = i;
    }

    /** A fraction or exponent; Python leaves an incomplete one to whatever follows, jiter rejects it. */
    private int optionalPart(int i, int start, char marker) {
        if (i >= text.length() || Character.toLowerCase(text.charAt(i)) != marker) {
            return i;
        }
        int j = i + 1;
        if (marker == 'e' && j < text.length() && (text.charAt(j) == '+' || text.charAt(j) == '-')) {
            j++;
        }
        if (j < text.length() && isDigit(text.charAt(j))) {
            return digits(j);
        }
        if (dialect == Dialect.PYTHON) {
            return i;
        }
        throw numberProblem(start, j);
    }

    private Stop numberProblem(int start, int at) {
        if (dialect == Dialect.PYTHON) {
            return new Stop(Problem.VALUE_BAD, start);
        }
        return at >= text.length() ? new Stop(Problem.VALUE_EOF, text.length()) : new Stop(Problem.NUMBER_BAD, at);
    }

    private int digits(int i) {
        while (i < text.length() && isDigit(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private void skipWhitespace() {
        while (pos < text.length() && " \t\n\r".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
    }

    private boolean peekIs(char c) {
        return pos < text.length() && text.charAt(pos) == c;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static String pythonMessage(Problem problem) {
        return switch (problem) {
            case VALUE_EOF, VALUE_BAD, ARRAY_START_EOF, ARRAY_TRAILING_COMMA, LITERAL_BAD, NUMBER_BAD ->
                    "Expecting value";
            case OBJECT_START_EOF, KEY_EOF, KEY_NOT_STRING, OBJECT_TRAILING_COMMA ->
                    "Expecting property name enclosed in double quotes";
            case COLON_EOF, COLON_MISSING -> "Expecting ':' delimiter";
            case OBJECT_SEPARATOR_EOF, OBJECT_SEPARATOR_BAD, ARRAY_SEPARATOR_EOF, ARRAY_SEPARATOR_BAD ->
                    "Expecting ',' delimiter";
            case STRING_EOF -> "Unterminated string starting at";
            case STRING_CONTROL -> "Invalid control character at";
            case ESCAPE_BAD -> "Invalid \\escape";
            case UNICODE_ESCAPE_BAD -> "Invalid \\uXXXX escape";
            case TRAILING -> "Extra data";
            case TOO_DEEP -> throw new IllegalStateException("handled by the caller");
        };
    }

    private static String jiterMessage(Problem problem) {
        return switch (problem) {
            case VALUE_EOF, KEY_EOF -> "EOF while parsing a value";
            case VALUE_BAD -> "expected value";
            case ARRAY_START_EOF, ARRAY_SEPARATOR_EOF -> "EOF while parsing a list";
            case OBJECT_START_EOF, COLON_EOF, OBJECT_SEPARATOR_EOF -> "EOF while parsing an object";
            case ARRAY_TRAILING_COMMA, OBJECT_TRAILING_COMMA -> "trailing comma";
            case KEY_NOT_STRING -> "key must be a string";
            case COLON_MISSING -> "expected `:`";
            case OBJECT_SEPARATOR_BAD -> "expected `,` or `}`";
            case ARRAY_SEPARATOR_BAD -> "expected `,` or `]`";
            case STRING_EOF -> "EOF while parsing a string";
            case STRING_CONTROL -> "control character (\\u0000-\\u001F) found while parsing a string";
            case ESCAPE_BAD, UNICODE_ESCAPE_BAD -> "invalid escape";
            case TRAILING -> "trailing characters";
            case LITERAL_BAD -> "expected ident";
            case NUMBER_BAD -> "invalid number";
            case TOO_DEEP -> "recursion limit exceeded";
        };
    }

    /**
     * jiter's "line L column C" for a character index: lines count from 1, columns are 1-based UTF-8 byte offsets
     * in the line; past the end the column is the last line's length, so an empty text is "line 1 column 0".
     */
    private static String jiterLocation(String text, int index) {
        int line = 1;
        int lineStart = 0;
        int bytes = 0;
        int end = Math.min(index, text.length());
        for (int i = 0; i < end; i += Character.charCount(text.codePointAt(i))) {
            int codePoint = text.codePointAt(i);
            bytes += new String(Character.toChars(codePoint)).getBytes(UTF_8).length;
            if (codePoint == '\n') {
                line++;
                lineStart = bytes;
            }
        }
        int column = index < text.length() ? bytes + 1 - lineStart : bytes - lineStart;
        return "line " + line + " column " + column;
    }
}
