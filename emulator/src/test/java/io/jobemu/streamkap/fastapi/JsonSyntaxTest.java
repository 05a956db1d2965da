package io.jobemu.streamkap.fastapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The expected texts were produced by CPython 3.11's {@code json.loads} and pydantic 2.13's {@code Json[dict]}
 * (jiter) on the same inputs.
 */
class JsonSyntaxTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "{bad               | Expecting property name enclosed in double quotes | 1",
            "``                 | Expecting value | 0",
            "{                  | Expecting property name enclosed in double quotes | 1",
            "{\"a\":1,}         | Expecting property name enclosed in double quotes | 7",
            "{\"a\" 1}          | Expecting ':' delimiter | 5",
            "[1 2]              | Expecting ',' delimiter | 3",
            "abc                | Expecting value | 0",
            "nul                | Expecting value | 0",
            "-                  | Expecting value | 0",
            "-a                 | Expecting value | 0",
            "01                 | Extra data | 1",
            "1.                 | Extra data | 1",
            "1.a                | Extra data | 1",
            "\"abc              | Unterminated string starting at | 0",
            "\"a\\x\"           | Invalid \\escape | 2",
            "\"a\\u12G4\"       | Invalid \\uXXXX escape | 3",
            "\"a\\u12           | Invalid \\uXXXX escape | 3",
            "{\"a\":1}x         | Extra data | 7",
            "[1,]               | Expecting value | 3",
            "{\"a\":1           | Expecting ',' delimiter | 6",
            "[1                 | Expecting ',' delimiter | 2",
            "tru                | Expecting value | 0",
            "{\"a\":}           | Expecting value | 5",
            "{\"a\":1,          | Expecting property name enclosed in double quotes | 7",
            "`  `               | Expecting value | 2",
            "[                  | Expecting value | 1",
            "{\"a\"             | Expecting ':' delimiter | 4",
            "{\"a\":1 \"b\":2}  | Expecting ',' delimiter | 7",
            "\"\\               | Unterminated string starting at | 0",
    })
    void pythonWordsErrorsAsTheJsonModule(String text, String message, int position) {
        assertThat(JsonSyntax.check(unescape(text), JsonSyntax.Dialect.PYTHON))
                .contains(new JsonSyntax.SyntaxError(message, position));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "{bad               | key must be a string at line 1 column 2",
            "``                 | EOF while parsing a value at line 1 column 0",
            "{                  | EOF while parsing an object at line 1 column 1",
            "{\"a\":1,}         | trailing comma at line 1 column 8",
            "{\"a\" 1}          | expected `:` at line 1 column 6",
            "[1 2]              | expected `,` or `]` at line 1 column 4",
            "abc                | expected value at line 1 column 1",
            "nul                | EOF while parsing a value at line 1 column 3",
            "nux                | expected ident at line 1 column 3",
            "-                  | EOF while parsing a value at line 1 column 1",
            "-a                 | invalid number at line 1 column 2",
            "01                 | invalid number at line 1 column 2",
            "1.                 | EOF while parsing a value at line 1 column 2",
            "1.a                | invalid number at line 1 column 3",
            "1e                 | EOF while parsing a value at line 1 column 2",
            "\"abc              | EOF while parsing a string at line 1 column 4",
            "\"a\\x\"           | invalid escape at line 1 column 4",
            "\"a\\u12G4\"       | invalid escape at line 1 column 7",
            "{\"a\":1}x         | trailing characters at line 1 column 8",
            "[1,]               | trailing comma at line 1 column 4",
            "{\"a\":1           | EOF while parsing an object at line 1 column 6",
            "[1                 | EOF while parsing a list at line 1 column 2",
            "\"\\u0001\"        | control character (\\u0000-\\u001F) found while parsing a string at line 1 column 2",
            "tru                | EOF while parsing a value at line 1 column 3",
            "{\"a\":}           | expected value at line 1 column 6",
            "{\"a\":1}\\n{      | trailing characters at line 2 column 1",
            "{\"é\":1,}         | trailing comma at line 1 column 9",
            "[[[[               | EOF while parsing a list at line 1 column 4",
            "{\"a\":1,          | EOF while parsing a value at line 1 column 7",
            "`  `               | EOF while parsing a value at line 1 column 2",
    })
    void jiterWordsErrorsAsPydantic(String text, String message) {
        Optional<JsonSyntax.SyntaxError> error = JsonSyntax.check(unescape(text), JsonSyntax.Dialect.JITER);

        assertThat(error).map(JsonSyntax.SyntaxError::message).contains(message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "[]", "{\"a\":[1,-2.5e+3,true,false,null,\"x\\u00e9\\n\"]}", " 0 ", "\"\"",
            "{\"a\":{\"b\":{}}}"})
    void validJsonHasNoError(String text) {
        assertThat(JsonSyntax.check(text, JsonSyntax.Dialect.PYTHON)).isEmpty();
        assertThat(JsonSyntax.check(text, JsonSyntax.Dialect.JITER)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void nestingBeyondTheLimits() {
        String deep = "[".repeat(2000);

        assertThatThrownBy(() -> JsonSyntax.check(deep, JsonSyntax.Dialect.PYTHON))
                .isInstanceOf(JsonSyntax.TooDeepException.class);
        assertThat(JsonSyntax.check(deep, JsonSyntax.Dialect.JITER)).map(JsonSyntax.SyntaxError::message)
                .contains("recursion limit exceeded at line 1 column 202");
    }

    /** The table writes control characters and newlines as Java escapes. */
    private static String unescape(String text) {
        return text.replace("\\u0001", "\u0001").replace("\\n", "\n");
    }
}
