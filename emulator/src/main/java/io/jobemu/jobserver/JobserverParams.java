package io.jobemu.jobserver;

import io.jobemu.core.http.Call;
import java.util.Locale;
import java.util.Optional;

/** Query parameters read the way akka-http's {@code parameters} directive reads them, with its rejections. */
public final class JobserverParams {

    private JobserverParams() {
    }

    /** A parameter that must be present (an empty value counts as present); missing: akka's 404. */
    public static String required(Call call, String name) {
        return call.query(name).orElseThrow(() -> AkkaDefaults.missingQueryParameter(name));
    }

    /** {@code 'name.as[Boolean].?}: true/yes/on/1 and false/no/off/0, any case; an empty value counts as absent. */
    public static Optional<Boolean> optionalBoolean(Call call, String name) {
        return present(call, name).map(value -> switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw AkkaDefaults.malformedQueryParameter(name, "'" + value + "' is not a valid Boolean value");
        });
    }

    /** {@code 'name.as[Int].?}. */
    public static Optional<Integer> optionalInt(Call call, String name) {
        return present(call, name).map(value -> {
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw AkkaDefaults.malformedQueryParameter(name,
                        "'" + value + "' is not a valid 32-bit signed integer value");
            }
        });
    }

    private static Optional<String> present(Call call, String name) {
        return call.query(name).filter(value -> !value.isEmpty());
    }
}
