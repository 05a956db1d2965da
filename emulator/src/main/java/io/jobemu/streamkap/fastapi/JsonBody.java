package io.jobemu.streamkap.fastapi;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.jobemu.core.http.Call;
import io.jobemu.core.http.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.util.Locale;
import java.util.Optional;

/**
 * A JSON body declared as one pydantic model, read and checked the way FastAPI does: the bytes are decoded only
 * when the content type is JSON, a decode error is a 422 pointing at the character, and the model's fields are then
 * validated one by one ({@code loc} {@code ["body", field]}).
 */
public final class JsonBody {

    private static final String BOM = "\ufeff";
    /** Python's limit on the digits of an int read from text ({@code sys.int_info.default_max_str_digits}). */
    private static final int PYTHON_MAX_INT_DIGITS = 4300;
    /**
     * Reads what Python's json module reads: ints up to its digit limit, strings of any length (the body limit
     * bounds them), nesting as deep as {@link JsonSyntax} lets through.
     */
    private static final ObjectMapper PYTHON_JSON = Json.MAPPER.copyWith(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNumberLength(PYTHON_MAX_INT_DIGITS)
                    .maxStringLength(Integer.MAX_VALUE)
                    .build())
            .build());

    private final JsonNode body;
    private final Violations violations;

    private JsonBody(JsonNode body, Violations violations) {
        this.body = body;
        this.violations = violations;
    }

    /**
     * Reads the body; errors of the model as a whole (absent, not an object) go to {@code violations}.
     *
     * @throws io.jobemu.core.http.ApiError 422 for malformed JSON, 400 when the bytes cannot be decoded at all
     */
    public static JsonBody read(Call call, Violations violations) throws IOException {
        JsonNode body = parse(call);
        if (body.isNull()) {
            violations.missing(null, "body");
        } else if (!body.isObject()) {
            violations.modelAttributesType(body, "body");
        }
        return new JsonBody(body, violations);
    }

    /** A required {@code str} field; null when it is absent or not a string (and the error is recorded). */
    public String requiredString(String field) {
        if (!body.isObject()) {
            return null;
        }
        if (!body.has(field)) {
            violations.missing(body, "body", field);
            return null;
        }
        return string(field);
    }

    /** An {@code Optional[str] = None} field: absent and null are both None. */
    public Optional<String> optionalString(String field) {
        if (!body.isObject() || !body.has(field) || body.get(field).isNull()) {
            return Optional.empty();
        }
        return Optional.ofNullable(string(field));
    }

    /** The body as a validator's error input. */
    public JsonNode input() {
        return body;
    }

    private String string(String field) {
        JsonNode value = body.get(field);
        if (!value.isTextual()) {
            violations.stringType(value, "body", field);
            return null;
        }
        return value.textValue();
    }

    /** FastAPI hands the raw bytes (as text) to the model when the content type is not JSON. */
    private static JsonNode parse(Call call) throws IOException {
        byte[] bytes = call.body();
        if (bytes.length == 0) {
            return NullNode.getInstance();
        }
        String text = decode(bytes);
        if (!isJson(call.header("Content-Type").orElse(null))) {
            return TextNode.valueOf(text);
        }
        if (text.startsWith(BOM)) {
            text = text.substring(1);
        }
        Optional<JsonSyntax.SyntaxError> error;
        try {
            error = JsonSyntax.check(text, JsonSyntax.Dialect.PYTHON);
        } catch (JsonSyntax.TooDeepException e) {
            throw FastApi.bodyParseError();
        }
        if (error.isPresent()) {
            throw Violations.jsonDecodeError(error.get());
        }
        try {
            return PYTHON_JSON.readTree(text);
        } catch (StreamConstraintsException e) {
            // Python's int() refuses more digits with a ValueError, which FastAPI answers with its 400
            throw FastApi.bodyParseError();
        }
    }

    private static String decode(byte[] bytes) {
        try {
            return UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw FastApi.bodyParseError();
        }
    }

    /**
     * {@code application/json} or {@code application/<anything>+json}. Without a content type the body is not
     * decoded (FastAPI's {@code strict_content_type}, the default since early 2026).
     */
    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return mediaType.equals("application/json")
                || mediaType.startsWith("application/") && mediaType.endsWith("+json");
    }
}
