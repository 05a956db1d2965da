package io.jobemu.jobserver;

import io.jobemu.core.ids.IdGenerator;

/** The actor references the real server's ask timeouts name, for its error messages. */
public final class ActorPaths {

    private static final int FIRST_EPHEMERAL_PORT = 32768;
    private static final int EPHEMERAL_PORTS = 28232;

    private final String binaryManager;

    ActorPaths(IdGenerator ids) {
        this.binaryManager = "Actor[akka://JobServer/user/binary-manager#" + (int) Long.parseLong(ids.hex(8), 16)
                + "]";
    }

    public String binaryManager() {
        return binaryManager;
    }

    /** A context's job manager: remote, in its own driver JVM, on an ephemeral port. */
    public static String jobManager(String contextId) {
        int hash = contextId.hashCode();
        return "Actor[akka.tcp://JobServer@127.0.0.1:" + (FIRST_EPHEMERAL_PORT + Math.floorMod(hash,
                EPHEMERAL_PORTS)) + "/user/jobManager-" + contextId + "#" + hash + "]";
    }
}
