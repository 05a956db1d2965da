package io.jobemu.core.serialized;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An object of the stream: for each class of its hierarchy, from the top down, the field values and the
 * annotation (what a writeObject method wrote after them: block data and further objects). Field values are
 * boxed primitives, {@link String}s, {@link SerialObject}s, {@link SerialArray}s, {@link SerialEnum}s,
 * {@link ClassDescriptor}s (class literals), {@link BlockData} or null. Objects may refer to each other in
 * cycles, as the stream's back-references allow.
 */
public final class SerialObject {

    private final ClassDescriptor descriptor;
    private final List<ClassData> hierarchy = new ArrayList<>();

    SerialObject(ClassDescriptor descriptor) {
        this.descriptor = descriptor;
    }

    /** What one class of the hierarchy wrote. */
    public record ClassData(ClassDescriptor descriptor, Map<String, Object> fields, List<Object> annotation) {}

    void add(ClassDescriptor classDescriptor, LinkedHashMap<String, Object> fields, List<Object> annotation) {
        hierarchy.add(new ClassData(classDescriptor, Collections.unmodifiableMap(fields),
                Collections.unmodifiableList(annotation)));
    }

    /** The object's own (most derived) class name. */
    public String className() {
        return descriptor.name();
    }

    public ClassDescriptor descriptor() {
        return descriptor;
    }

    /** Whether the object's class, or one of its superclasses, is {@code name}. */
    public boolean isA(String name) {
        for (ClassDescriptor c = descriptor; c != null; c = c.superclass()) {
            if (c.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    public List<ClassData> hierarchy() {
        return Collections.unmodifiableList(hierarchy);
    }

    /** A field's value, looked up from the most derived class up, as Java resolves a name. */
    public Optional<Object> field(String name) {
        for (int i = hierarchy.size() - 1; i >= 0; i--) {
            Map<String, Object> fields = hierarchy.get(i).fields();
            if (fields.containsKey(name)) {
                return Optional.ofNullable(fields.get(name));
            }
        }
        return Optional.empty();
    }

    /** A field's value when it is of {@code type}. */
    public <T> Optional<T> field(String name, Class<T> type) {
        return field(name).filter(type::isInstance).map(type::cast);
    }

    public Optional<String> string(String name) {
        return field(name, String.class);
    }

    public Optional<SerialObject> object(String name) {
        return field(name, SerialObject.class);
    }

    /** A long field, or any narrower whole number widened. */
    public Optional<Long> longValue(String name) {
        return field(name, Number.class).map(Number::longValue);
    }

    public Optional<Integer> intValue(String name) {
        return field(name, Integer.class);
    }

    public Optional<Boolean> booleanValue(String name) {
        return field(name, Boolean.class);
    }

    /** The constant's name of an enum field. */
    public Optional<String> enumConstant(String name) {
        return field(name, SerialEnum.class).map(SerialEnum::constant);
    }

    /** The annotation of the class {@code className} in this object's hierarchy; empty if it wrote none. */
    public List<Object> annotation(String className) {
        return hierarchy.stream().filter(data -> data.descriptor().name().equals(className)).findFirst()
                .map(ClassData::annotation).orElse(List.of());
    }

    /** The objects of the most derived class's annotation that wrote one, block data left out. */
    public List<Object> annotatedObjects() {
        for (int i = hierarchy.size() - 1; i >= 0; i--) {
            if (hierarchy.get(i).descriptor().hasAnnotation()) {
                return hierarchy.get(i).annotation().stream().filter(o -> !(o instanceof BlockData)).toList();
            }
        }
        return List.of();
    }

    @Override
    public String toString() {
        return "SerialObject[" + className() + "]";
    }
}
