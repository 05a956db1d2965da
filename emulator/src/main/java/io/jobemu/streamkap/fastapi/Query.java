package io.jobemu.streamkap.fastapi;

import io.jobemu.core.http.Call;
import java.util.List;
import java.util.Optional;

/** Query parameters as FastAPI reads them: the last value of a repeated one counts, errors at {@code ["query", name]}. */
public final class Query {

    private final Call call;
    private final Violations violations;

    public Query(Call call, Violations violations) {
        this.call = call;
        this.violations = violations;
    }

    public Optional<String> text(String name) {
        List<String> values = call.queryAll(name);
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(values.size() - 1));
    }

    /** An {@code int = Query(default, ge=min, le=max)}; null when invalid (the error is recorded). */
    public Integer integer(String name, int defaultValue, int min, int max) {
        Optional<String> text = text(name);
        if (text.isEmpty()) {
            return defaultValue;
        }
        return LaxInt.parse(text.get(), min, max, violations, "query", name);
    }

    /** A str enum parameter; null when the value is not one of {@code allowed}. */
    public String choice(String name, List<String> allowed, String defaultValue) {
        String value = text(name).orElse(defaultValue);
        if (!allowed.contains(value)) {
            violations.enumMember(allowed, value, "query", name);
            return null;
        }
        return value;
    }
}
