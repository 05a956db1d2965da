package io.jobemu.core.control;

import java.util.List;
import java.util.Optional;

/**
 * Who may use the control API: the token every control request must carry, if any, and the web origins (as
 * browsers send them, e.g. {@code http://localhost:3000}, or {@value ControlGuard#ANY_ORIGIN}) whose pages may use it.
 * By default no token and no origin: fine on loopback, not once the ports leave the machine.
 */
public record ControlAccess(Optional<String> token, List<String> allowedOrigins) {

    public static final ControlAccess LOCAL_ONLY = new ControlAccess(Optional.empty(), List.of());

    public ControlAccess {
        if (token.isPresent() && token.get().isEmpty()) {
            throw new IllegalArgumentException("the control token must not be empty");
        }
        allowedOrigins = List.copyOf(allowedOrigins);
    }

    public ControlAccess withToken(String value) {
        return new ControlAccess(Optional.of(value), allowedOrigins);
    }

    public ControlAccess withAllowedOrigins(List<String> origins) {
        return new ControlAccess(token, origins);
    }

    /** Never prints the token itself. */
    @Override
    public String toString() {
        return "ControlAccess[token=" + (token.isPresent() ? "<set>" : "<none>") + ", allowedOrigins="
                + allowedOrigins + "]";
    }
}
