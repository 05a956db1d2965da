package io.jobemu.jobserver;

import java.util.Arrays;
import java.util.Optional;

/** The real server's access-control permissions; a parent (e.g. {@code jobs}) grants its children. */
public enum Permission {
    ALLOW_ALL("*", null),
    BINARIES("binaries", null),
    BINARIES_READ("binaries:read", BINARIES),
    BINARIES_UPLOAD("binaries:upload", BINARIES),
    BINARIES_DELETE("binaries:delete", BINARIES),
    CONTEXTS("contexts", null),
    CONTEXTS_READ("contexts:read", CONTEXTS),
    CONTEXTS_START("contexts:start", CONTEXTS),
    CONTEXTS_DELETE("contexts:delete", CONTEXTS),
    CONTEXTS_RESET("contexts:reset", CONTEXTS),
    DATA("data", null),
    DATA_READ("data:read", DATA),
    DATA_UPLOAD("data:upload", DATA),
    DATA_DELETE("data:delete", DATA),
    DATA_RESET("data:reset", DATA),
    JOBS("jobs", null),
    JOBS_READ("jobs:read", JOBS),
    JOBS_START("jobs:start", JOBS),
    JOBS_DELETE("jobs:delete", JOBS);

    private final String wireName;
    private final Permission parent;

    Permission(String wireName, Permission parent) {
        this.wireName = wireName;
        this.parent = parent;
    }

    public String wireName() {
        return wireName;
    }

    public Permission parent() {
        return parent;
    }

    public static Optional<Permission> byName(String name) {
        return Arrays.stream(values()).filter(p -> p.wireName.equals(name)).findFirst();
    }
}
