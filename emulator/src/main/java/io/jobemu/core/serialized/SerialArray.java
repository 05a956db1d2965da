package io.jobemu.core.serialized;

import java.util.List;

/**
 * An array of the stream: its class (e.g. {@code [J}, {@code [Ljava.lang.String;}) and its elements, boxed for
 * primitive arrays except bytes, which stay one {@code byte[]} in {@link #bytes()}.
 */
public record SerialArray(ClassDescriptor descriptor, List<Object> elements, byte[] bytes) {

    public String className() {
        return descriptor.name();
    }
}
