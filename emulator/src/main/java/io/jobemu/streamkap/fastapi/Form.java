package io.jobemu.streamkap.fastapi;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.jobemu.core.http.Call;
import io.jobemu.core.http.Json;
import io.undertow.server.handlers.form.FormData;
import java.io.IOException;
import java.net.URLDecoder;
import java.util.Deque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A request's form, read as Starlette reads it (multipart or url-encoded; any other content type is an empty form;
 * a repeated field keeps its last value), with FastAPI's validation of {@code Form(...)} and {@code File(...)}
 * parameters: an empty string counts as absent, errors are located at {@code ["body", field]}.
 */
public final class Form {

    /** One submitted field: a text value, or a file part (which has a file name, even an empty one). */
    private record Field(String text, FormData.FileItem file, String fileName) {
        boolean isFile() {
            return file != null;
        }
    }

    /** An uploaded file: its client-side name and content. */
    public record Upload(String fileName, FormData.FileItem content) {
    }

    private final Map<String, Field> fields;
    private final Violations violations;

    private Form(Map<String, Field> fields, Violations violations) {
        this.fields = fields;
        this.violations = violations;
    }

    /**
     * Parses the form. FastAPI does this before it checks the caller's credentials, so a broken multipart body is
     * a 400 even without a token.
     */
    public static Form read(Call call, Violations violations) throws IOException {
        if (call.isMultipart()) {
            return new Form(multipart(call), violations);
        }
        String type = call.header("Content-Type").orElse("").split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (type.equals("application/x-www-form-urlencoded")) {
            return new Form(urlEncoded(call.bodyText()), violations);
        }
        return new Form(Map.of(), violations);
    }

    /** A required {@code str = Form(...)}. */
    public String requiredText(String name) {
        Field field = present(name);
        if (field == null) {
            violations.missing(null, "body", name);
            return null;
        }
        return text(name, field);
    }

    /** An optional {@code str = Form(None)}. */
    public Optional<String> optionalText(String name) {
        Field field = present(name);
        return field == null ? Optional.empty() : Optional.ofNullable(text(name, field));
    }

    /**
     * An {@code int = Form(default, ge=min, le=max)}, parsed from its text as pydantic does in lax mode: surrounding
     * whitespace and a fraction of zeros are allowed ({@code " 2 "}, {@code "2.0"}).
     */
    public Integer integer(String name, int defaultValue, int min, int max) {
        Field field = present(name);
        if (field == null) {
            return defaultValue;
        }
        String text = text(name, field);
        if (text == null) {
            return null;
        }
        return LaxInt.parse(text, min, max, violations, "body", name);
    }

    /**
     * An optional {@code Json[dict] = Form(None)}: the text must be JSON (jiter's errors) holding an object. Absent,
     * it is an empty object.
     */
    public Optional<JsonNode> jsonObject(String name) throws IOException {
        Field field = present(name);
        if (field == null) {
            return Optional.of(Json.object());
        }
        String text = text(name, field);
        if (text == null) {
            return Optional.empty();
        }
        Optional<JsonSyntax.SyntaxError> error = JsonSyntax.check(text, JsonSyntax.Dialect.JITER);
        if (error.isPresent()) {
            violations.jsonInvalid(text, error.get().message(), "body", name);
            return Optional.empty();
        }
        JsonNode value = Json.MAPPER.readTree(text);
        if (!value.isObject()) {
            violations.dictType(value, "body", name);
            return Optional.empty();
        }
        return Optional.of(value);
    }

    /** A required {@code UploadFile = File(...)}; a text value in its place fails FastAPI's UploadFile check. */
    public Upload requiredFile(String name) {
        Field field = present(name);
        if (field == null) {
            violations.missing(null, "body", name);
            return null;
        }
        if (!field.isFile()) {
            violations.valueError("Expected UploadFile, received: <class 'str'>", TextNode.valueOf(field.text()),
                    "body", name);
            return null;
        }
        return new Upload(field.fileName(), field.file());
    }

    /** The field, or null when absent or an empty text (FastAPI's rule for form fields). */
    private Field present(String name) {
        Field field = fields.get(name);
        return field == null || !field.isFile() && field.text().isEmpty() ? null : field;
    }

    /**
     * A text field's value; a file where text is expected is pydantic's string_type error. Its input is shown as
     * the file name (what FastAPI's encoder makes of an UploadFile is not known).
     */
    private String text(String name, Field field) {
        if (field.isFile()) {
            violations.stringType(TextNode.valueOf(field.fileName()), "body", name);
            return null;
        }
        return field.text();
    }

    private static Map<String, Field> multipart(Call call) {
        FormData form;
        try {
            form = call.multipart();
        } catch (IOException | RuntimeException e) {
            throw FastApi.bodyParseError();
        }
        Map<String, Field> fields = new HashMap<>();
        for (String name : form) {
            Deque<FormData.FormValue> values = form.get(name);
            FormData.FormValue last = values.getLast();
            fields.put(name, last.isFileItem()
                    ? new Field(null, last.getFileItem(), last.getFileName() == null ? "" : last.getFileName())
                    : new Field(last.getValue(), null, null));
        }
        return fields;
    }

    private static Map<String, Field> urlEncoded(String body) {
        Map<String, Field> fields = new HashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            String[] parts = pair.split("=", 2);
            fields.put(URLDecoder.decode(parts[0], UTF_8),
                    new Field(parts.length < 2 ? "" : URLDecoder.decode(parts[1], UTF_8), null, null));
        }
        return fields;
    }
}
