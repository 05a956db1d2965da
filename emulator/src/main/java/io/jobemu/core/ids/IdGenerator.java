package io.jobemu.core.ids;

import java.util.Random;
import java.util.UUID;

/** All random ids come from here, so a seeded generator makes a whole run reproducible. */
public final class IdGenerator {

    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private final Random random;

    public IdGenerator(Random random) {
        this.random = random;
    }

    public static IdGenerator unseeded() {
        return new IdGenerator(new Random());
    }

    /** 32 lower-case hex characters, the shape of Flink's JobID, TriggerId and JobVertexID. */
    public synchronized String hex32() {
        return hex(32);
    }

    public synchronized String hex(int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = HEX[random.nextInt(16)];
        }
        return new String(out);
    }

    /** A random (version 4) UUID. */
    public synchronized UUID uuid() {
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least);
    }
}
