package io.jobemu.core.serialized;

import java.nio.ByteBuffer;

/** Raw bytes a writeObject or writeExternal method wrote (its primitives), in stream order. */
public record BlockData(byte[] bytes) {

    /** The bytes as big-endian primitives, as DataOutput wrote them. */
    public ByteBuffer buffer() {
        return ByteBuffer.wrap(bytes).asReadOnlyBuffer();
    }
}
