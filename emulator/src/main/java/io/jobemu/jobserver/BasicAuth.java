package io.jobemu.jobserver;

import io.jobemu.core.http.ApiError;
import io.jobemu.core.http.Call;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The real server's access control: off by default ({@code AllowAllAccessControl}: everyone is "anonymous" and may
 * do everything); on, HTTP Basic against the configured users ({@code ShiroAccessControl}), answering akka's 401
 * with the realm "Sparkjobserver Private", and 403 for a missing permission. The header is read as akka-http reads
 * it ({@link BasicCredentials}).
 */
public final class BasicAuth {

    public static final String REALM = "Sparkjobserver Private";

    /** Who is calling and what they may do. */
    public record Principal(String name, Set<Permission> abilities) {
        public boolean hasPermission(Permission permission) {
            return abilities.contains(Permission.ALLOW_ALL) || abilities.contains(permission)
                    || (permission.parent() != null && abilities.contains(permission.parent()));
        }
    }

    private static final Principal ANONYMOUS = new Principal("anonymous", EnumSet.of(Permission.ALLOW_ALL));

    private final Supplier<JobserverSettings> settings;

    public BasicAuth(Supplier<JobserverSettings> settings) {
        this.settings = settings;
    }

    /** The caller, or an {@link ApiError} with akka's 401 when authentication is on and fails. */
    public Principal authenticate(Call call) {
        JobserverSettings current = settings.get();
        if (!current.authentication()) {
            return ANONYMOUS;
        }
        // akka-http's authenticateOrRejectWithChallenge: no Basic credentials at all is "not supplied", wrong ones
        // "invalid"
        BasicCredentials credentials = call.header("Authorization").flatMap(BasicCredentials::parse)
                .orElseThrow(() -> new ApiError(AkkaDefaults.unauthorized(false, REALM)));
        return login(current, credentials.user(), credentials.password())
                .orElseThrow(() -> new ApiError(AkkaDefaults.unauthorized(true, REALM)));
    }

    /** 403 unless the caller holds {@code permission}. */
    public void authorize(Call call, Permission permission) {
        if (!authenticate(call).hasPermission(permission)) {
            throw new ApiError(AkkaDefaults.forbidden());
        }
    }

    /** A user with no known permission gets every permission, as the real {@code createAuthInfo} grants. */
    private static Optional<Principal> login(JobserverSettings settings, String name, String password) {
        return settings.users().stream()
                .filter(user -> user.name().equals(name) && user.password().equals(password))
                .findFirst()
                .map(user -> {
                    Set<Permission> abilities = EnumSet.noneOf(Permission.class);
                    user.permissions().forEach(p -> Permission.byName(p).ifPresent(abilities::add));
                    return new Principal(user.name(), abilities.isEmpty() ? EnumSet.of(Permission.ALLOW_ALL)
                            : abilities);
                });
    }
}
