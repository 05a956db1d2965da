package io.jobemu.core.serialized;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JDK's own serialized forms read back as data: collections and maps (whose writeObject methods put their
 * elements in the annotation), boxed numbers and {@link Duration}. Anything else is left as it is.
 */
public final class JdkValues {

    /** {@code java.time.Ser}'s type byte for a Duration. */
    private static final byte DURATION_TYPE = 1;

    private JdkValues() {
    }

    /** The elements of a serialized list, set or queue in stream order; empty for anything that is not one. */
    public static List<Object> elements(Object value) {
        if (value instanceof SerialArray array) {
            return array.elements();
        }
        if (!(value instanceof SerialObject collection)) {
            return List.of();
        }
        return switch (collection.className()) {
            case "java.util.ArrayList", "java.util.LinkedList", "java.util.HashSet", "java.util.LinkedHashSet",
                 "java.util.ArrayDeque", "java.util.CollSer", "java.util.concurrent.CopyOnWriteArrayList",
                 "java.util.Vector" -> collection.annotatedObjects();
            // a TreeSet writes its comparator first
            case "java.util.TreeSet" -> {
                List<Object> written = collection.annotatedObjects();
                yield written.isEmpty() ? written : written.subList(1, written.size());
            }
            case "java.util.Arrays$ArrayList" -> elements(collection.field("a").orElse(null));
            case "java.util.Collections$SingletonList", "java.util.Collections$SingletonSet" ->
                    List.of(collection.field("element").orElse(null));
            default -> collection.field("c").map(JdkValues::elements).orElse(List.of());
        };
    }

    /** The entries of a serialized map in stream order; empty for anything that is not one. */
    public static Map<Object, Object> entries(Object value) {
        if (!(value instanceof SerialObject map)) {
            return Map.of();
        }
        List<Object> written = switch (map.className()) {
            case "java.util.HashMap", "java.util.LinkedHashMap", "java.util.TreeMap", "java.util.Hashtable",
                 "java.util.Properties", "java.util.concurrent.ConcurrentHashMap", "java.util.CollSer" ->
                    map.annotatedObjects();
            default -> null;
        };
        if (written == null) {
            return map.field("m").map(JdkValues::entries).orElse(Map.of());
        }
        Map<Object, Object> entries = new LinkedHashMap<>();
        for (int i = 0; i + 1 < written.size(); i += 2) {
            // ConcurrentHashMap ends its pairs with a null key and value
            if (written.get(i) != null) {
                entries.put(key(written.get(i)), written.get(i + 1));
            }
        }
        return entries;
    }

    /** A boxed number or boolean as its value (Integer, Long, Boolean...), anything else as it is. */
    public static Object unboxed(Object value) {
        if (value instanceof SerialObject boxed && boxed.className().startsWith("java.lang.")) {
            Optional<Object> primitive = boxed.field("value");
            if (primitive.isPresent()) {
                return primitive.get();
            }
        }
        return value;
    }

    /** A serialized {@link Duration} (written through {@code java.time.Ser}). */
    public static Optional<Duration> duration(Object value) {
        if (!(value instanceof SerialObject ser) || !ser.className().equals("java.time.Ser")) {
            return Optional.empty();
        }
        ByteBuffer data = ByteBuffer.wrap(blockBytes(ser.annotation("java.time.Ser")));
        if (data.remaining() < 13 || data.get() != DURATION_TYPE) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofSeconds(data.getLong(), data.getInt()));
    }

    /** The block data of an annotation, concatenated: writers split it into chunks at will. */
    public static byte[] blockBytes(List<Object> annotation) {
        int size = annotation.stream().filter(BlockData.class::isInstance).mapToInt(b -> ((BlockData) b).bytes().length)
                .sum();
        ByteBuffer joined = ByteBuffer.allocate(size);
        annotation.stream().filter(BlockData.class::isInstance).forEach(b -> joined.put(((BlockData) b).bytes()));
        return joined.array();
    }

    /** Map keys that are boxed values compare by value, so lookups by Integer or String work. */
    private static Object key(Object written) {
        Object unboxed = unboxed(written);
        return unboxed instanceof SerialObject || unboxed instanceof SerialArray ? written : unboxed;
    }

    /** Every element of a list-like value that is itself a serialized object. */
    public static List<SerialObject> objects(Object value) {
        List<SerialObject> objects = new ArrayList<>();
        for (Object element : elements(value)) {
            if (element instanceof SerialObject object) {
                objects.add(object);
            }
        }
        return objects;
    }
}
