package io.jobemu.streamkap.fastapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.jobemu.core.http.ApiError;
import io.jobemu.core.http.Json;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The validation errors of one request, collected as FastAPI collects them (every field is checked, then one 422
 * lists them all) and worded as pydantic v2 words them: {@code {"type","loc","msg","input","ctx"?}} in that key
 * order, without pydantic's {@code url}. A {@code loc} is a list of field names and list indexes.
 */
public final class Violations {

    private final ArrayNode errors = Json.array();

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    /** Answers 422 with every error collected, if there is any. */
    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw unprocessable(errors);
        }
    }

    /**
     * A required field is absent. {@code input} is what held it: null for a form field or an absent body, the
     * whole object for a field of a JSON body.
     */
    public void missing(JsonNode input, Object... loc) {
        add("missing", "Field required", input, null, loc);
    }

    public void stringType(JsonNode input, Object... loc) {
        add("string_type", "Input should be a valid string", input, null, loc);
    }

    public void intParsing(String input, Object... loc) {
        add("int_parsing", "Input should be a valid integer, unable to parse string as an integer", text(input), null,
                loc);
    }

    /** Pydantic refuses to parse integer strings longer than 4300 characters. */
    public void intParsingSize(String input, Object... loc) {
        add("int_parsing_size", "Unable to parse input string as an integer, exceeded maximum size", text(input), null,
                loc);
    }

    public void greaterThanEqual(long bound, String input, Object... loc) {
        add("greater_than_equal", "Input should be greater than or equal to " + bound, text(input),
                Json.object().put("ge", bound), loc);
    }

    public void lessThanEqual(long bound, String input, Object... loc) {
        add("less_than_equal", "Input should be less than or equal to " + bound, text(input),
                Json.object().put("le", bound), loc);
    }

    public void dictType(JsonNode input, Object... loc) {
        add("dict_type", "Input should be a valid dictionary", input, null, loc);
    }

    /** A {@code Json[...]} field whose text is not JSON; {@code error} is jiter's description. */
    public void jsonInvalid(String input, String error, Object... loc) {
        add("json_invalid", "Invalid JSON: " + error, text(input), Json.object().put("error", error), loc);
    }

    /** A model given something other than an object (FastAPI validates bodies with from_attributes). */
    public void modelAttributesType(JsonNode input, Object... loc) {
        add("model_attributes_type", "Input should be a valid dictionary or object to extract fields from", input,
                null, loc);
    }

    /**
     * A ValueError raised by a validator. Its ctx holds the exception, which FastAPI's encoder turns into
     * {@code {}}.
     */
    public void valueError(String message, JsonNode input, Object... loc) {
        add("value_error", "Value error, " + message, input, Json.object().set("error", Json.object()), loc);
    }

    /** A value outside an enum, e.g. {@code Input should be 'asc' or 'desc'}. */
    public void enumMember(List<String> allowed, String input, Object... loc) {
        String expected = expectedText(allowed);
        add("enum", "Input should be " + expected, text(input), Json.object().put("expected", expected), loc);
    }

    /**
     * A request body that is not JSON: FastAPI's own error, pointing at the character where Python's decoder
     * stopped, with an empty input.
     */
    static ApiError jsonDecodeError(JsonSyntax.SyntaxError error) {
        ArrayNode errors = Json.array();
        errors.add(error("json_invalid", "JSON decode error", Json.object(),
                Json.object().put("error", error.message()), "body", error.position()));
        return unprocessable(errors);
    }

    private void add(String type, String msg, JsonNode input, ObjectNode ctx, Object... loc) {
        errors.add(error(type, msg, input, ctx, loc));
    }

    private static ObjectNode error(String type, String msg, JsonNode input, ObjectNode ctx, Object... loc) {
        ObjectNode error = Json.object().put("type", type);
        ArrayNode location = error.putArray("loc");
        for (Object part : loc) {
            if (part instanceof Integer index) {
                location.add(index);
            } else {
                location.add(part.toString());
            }
        }
        error.put("msg", msg);
        error.set("input", input == null ? NullNode.getInstance() : input);
        if (ctx != null) {
            error.set("ctx", ctx);
        }
        return error;
    }

    private static ApiError unprocessable(ArrayNode errors) {
        return new ApiError(FastApi.json(422, Json.object().set("detail", errors)));
    }

    private static JsonNode text(String value) {
        return value == null ? NullNode.getInstance() : TextNode.valueOf(value);
    }

    /** Pydantic's list of enum values: {@code 'a'}, {@code 'a' or 'b'}, {@code 'a', 'b' or 'c'}. */
    private static String expectedText(List<String> allowed) {
        List<String> quoted = allowed.stream().map(v -> "'" + v + "'").toList();
        if (quoted.size() == 1) {
            return quoted.get(0);
        }
        return quoted.subList(0, quoted.size() - 1).stream().collect(Collectors.joining(", ")) + " or "
                + quoted.get(quoted.size() - 1);
    }
}
