package io.jobemu.core.serialized;

import static java.io.ObjectStreamConstants.SC_EXTERNALIZABLE;
import static java.io.ObjectStreamConstants.SC_WRITE_METHOD;

import java.util.List;

/**
 * A class as the stream describes it: its name, the fields it wrote, how it wrote them, and its superclass's
 * descriptor (null at the top of the hierarchy).
 */
public record ClassDescriptor(String name, long serialVersionUid, int flags, List<FieldDescriptor> fields,
                              ClassDescriptor superclass) {

    public ClassDescriptor {
        fields = List.copyOf(fields);
    }

    /** The class wrote extra data after (or instead of) its fields: a writeObject or writeExternal method. */
    public boolean hasAnnotation() {
        return (flags & (SC_WRITE_METHOD | SC_EXTERNALIZABLE)) != 0;
    }

    public boolean isExternalizable() {
        return (flags & SC_EXTERNALIZABLE) != 0;
    }

    /** One serializable field: its name and type code ({@code B C D F I J S Z} primitives, {@code L [} objects). */
    public record FieldDescriptor(char typeCode, String name, String typeName) {

        public boolean isPrimitive() {
            return typeCode != 'L' && typeCode != '[';
        }
    }
}
