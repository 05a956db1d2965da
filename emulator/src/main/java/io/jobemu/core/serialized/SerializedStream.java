package io.jobemu.core.serialized;

import static java.io.ObjectStreamConstants.SC_BLOCK_DATA;
import static java.io.ObjectStreamConstants.SC_SERIALIZABLE;
import static java.io.ObjectStreamConstants.STREAM_MAGIC;
import static java.io.ObjectStreamConstants.STREAM_VERSION;
import static java.io.ObjectStreamConstants.TC_ARRAY;
import static java.io.ObjectStreamConstants.TC_BLOCKDATA;
import static java.io.ObjectStreamConstants.TC_BLOCKDATALONG;
import static java.io.ObjectStreamConstants.TC_CLASS;
import static java.io.ObjectStreamConstants.TC_CLASSDESC;
import static java.io.ObjectStreamConstants.TC_ENDBLOCKDATA;
import static java.io.ObjectStreamConstants.TC_ENUM;
import static java.io.ObjectStreamConstants.TC_EXCEPTION;
import static java.io.ObjectStreamConstants.TC_LONGSTRING;
import static java.io.ObjectStreamConstants.TC_NULL;
import static java.io.ObjectStreamConstants.TC_OBJECT;
import static java.io.ObjectStreamConstants.TC_PROXYCLASSDESC;
import static java.io.ObjectStreamConstants.TC_REFERENCE;
import static java.io.ObjectStreamConstants.TC_RESET;
import static java.io.ObjectStreamConstants.TC_STRING;
import static java.io.ObjectStreamConstants.baseWireHandle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Parses a Java serialization stream (protocol version 2, what {@code ObjectOutputStream} writes) into its
 * contents as data. Nothing is loaded: class names stay strings. Every length in the stream is checked against
 * the bytes that remain and nesting is bounded, so a truncated, corrupt or hostile stream costs at most time and
 * memory proportional to its size and fails with {@link MalformedStreamException}. Not thread-safe: one parse
 * per instance.
 */
public final class SerializedStream {

    /** Nesting of objects inside objects; a linked list of job vertices and edges stays well within it. */
    public static final int MAX_DEPTH = 2_000;

    private static final int MAGIC = STREAM_MAGIC & 0xFFFF;

    private final byte[] bytes;
    private int position;
    private int depth;
    private final List<Object> handles = new ArrayList<>();

    private SerializedStream(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Every top-level item of the stream, in order: objects and block data. */
    public static List<Object> parse(byte[] bytes) throws MalformedStreamException {
        return onParserStack(() -> new SerializedStream(bytes).contents());
    }

    /** The stream's first object, the one Java deserialization would return, as data. */
    public static Object parseFirstObject(byte[] bytes) throws MalformedStreamException {
        return onParserStack(() -> {
            SerializedStream stream = new SerializedStream(bytes);
            stream.header();
            return stream.content(false);
        });
    }

    /** A parse, or a reading of parsed data that parses nested streams. */
    public interface Reading<T> {
        T read() throws MalformedStreamException;
    }

    /**
     * Runs {@code reading} where the stack holds {@link #MAX_DEPTH} levels of nesting whatever the caller's stack
     * size: on a parser thread of its own, or right here when already on one (a nested stream).
     */
    public static <T> T onParserStack(Reading<T> reading) throws MalformedStreamException {
        if (Thread.currentThread() instanceof ParserThread) {
            return reading.read();
        }
        FutureTask<T> task = new FutureTask<>(reading::read);
        Thread parser = new ParserThread(task);
        parser.start();
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            parser.interrupt();
            throw new MalformedStreamException("interrupted while parsing");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof MalformedStreamException malformed) {
                throw malformed;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** A thread whose stack is sized for {@link #MAX_DEPTH}; reserved address space, committed only as used. */
    private static final class ParserThread extends Thread {

        private static final long STACK_BYTES = 64L * 1024 * 1024;

        ParserThread(Runnable parse) {
            super(null, parse, "jobemu-serialized-stream-parser", STACK_BYTES);
            setDaemon(true);
        }
    }

    private List<Object> contents() throws MalformedStreamException {
        header();
        List<Object> items = new ArrayList<>();
        while (position < bytes.length) {
            items.add(content(true));
        }
        return items;
    }

    private void header() throws MalformedStreamException {
        if (unsignedShort() != MAGIC) {
            throw malformed("not a Java serialization stream (bad magic number)");
        }
        int version = unsignedShort();
        if (version != STREAM_VERSION) {
            throw malformed("unsupported stream version " + version);
        }
    }

    /** One content item: an object, or block data where the grammar allows it. */
    private Object content(boolean blockDataAllowed) throws MalformedStreamException {
        if (++depth > MAX_DEPTH) {
            throw malformed("objects nested deeper than " + MAX_DEPTH);
        }
        try {
            int tag = unsignedByte();
            while (tag == TC_RESET) {
                handles.clear();
                tag = unsignedByte();
            }
            return switch (tag) {
                case TC_NULL -> null;
                case TC_REFERENCE -> reference();
                case TC_CLASSDESC, TC_PROXYCLASSDESC -> classDescriptorAfterTag(tag);
                case TC_OBJECT -> newObject();
                case TC_STRING -> register(utf(unsignedShort()));
                case TC_LONGSTRING -> register(utf(length(longValue())));
                case TC_ARRAY -> newArray();
                case TC_CLASS -> register(classDescriptor());
                case TC_ENUM -> newEnum();
                case TC_EXCEPTION -> exception();
                case TC_BLOCKDATA, TC_BLOCKDATALONG -> {
                    if (!blockDataAllowed) {
                        throw malformed("block data where an object was expected at byte " + (position - 1));
                    }
                    yield new BlockData(take(tag == TC_BLOCKDATA ? unsignedByte() : length(intValue())));
                }
                default -> throw malformed("unexpected tag 0x" + Integer.toHexString(tag) + " at byte "
                        + (position - 1));
            };
        } finally {
            depth--;
        }
    }

    private Object reference() throws MalformedStreamException {
        int index = intValue() - baseWireHandle;
        if (index < 0 || index >= handles.size()) {
            throw malformed("reference to unknown handle at byte " + (position - 4));
        }
        return handles.get(index);
    }

    private <T> T register(T value) {
        handles.add(value);
        return value;
    }

    private ClassDescriptor classDescriptor() throws MalformedStreamException {
        Object value = content(false);
        if (value != null && !(value instanceof ClassDescriptor)) {
            throw malformed("class descriptor expected at byte " + position);
        }
        return (ClassDescriptor) value;
    }

    private ClassDescriptor classDescriptorAfterTag(int tag) throws MalformedStreamException {
        if (tag == TC_PROXYCLASSDESC) {
            int handle = reserveHandle();
            int interfaces = length(intValue());
            List<String> names = new ArrayList<>();
            for (int i = 0; i < interfaces; i++) {
                names.add(utf(unsignedShort()));
            }
            annotation();
            ClassDescriptor proxy = new ClassDescriptor("$Proxy" + names, 0, SC_SERIALIZABLE,
                    List.of(), classDescriptor());
            handles.set(handle, proxy);
            return proxy;
        }
        String name = utf(unsignedShort());
        long serialVersionUid = longValue();
        int handle = reserveHandle();
        int flags = unsignedByte();
        int fieldCount = unsignedShort();
        List<ClassDescriptor.FieldDescriptor> fields = new ArrayList<>(Math.min(fieldCount, remaining()));
        for (int i = 0; i < fieldCount; i++) {
            char typeCode = (char) unsignedByte();
            String fieldName = utf(unsignedShort());
            String typeName = null;
            if (typeCode == 'L' || typeCode == '[') {
                Object type = content(false);
                if (!(type instanceof String text)) {
                    throw malformed("field type name expected for field " + fieldName);
                }
                typeName = text;
            } else if ("BCDFIJSZ".indexOf(typeCode) < 0) {
                throw malformed("unknown field type code '" + typeCode + "' for field " + fieldName);
            }
            fields.add(new ClassDescriptor.FieldDescriptor(typeCode, fieldName, typeName));
        }
        annotation();
        // the descriptor is complete only after its superclass, but its handle is already taken: register late
        ClassDescriptor descriptor = new ClassDescriptor(name, serialVersionUid, flags, fields, classDescriptor());
        handles.set(handle, descriptor);
        return descriptor;
    }

    private int reserveHandle() {
        handles.add(null);
        return handles.size() - 1;
    }

    private SerialObject newObject() throws MalformedStreamException {
        ClassDescriptor descriptor = classDescriptor();
        if (descriptor == null) {
            throw malformed("object without a class at byte " + position);
        }
        SerialObject object = register(new SerialObject(descriptor));
        List<ClassDescriptor> hierarchy = new ArrayList<>();
        for (ClassDescriptor c = descriptor; c != null; c = c.superclass()) {
            hierarchy.add(0, c);
        }
        for (ClassDescriptor c : hierarchy) {
            if (c.isExternalizable() && (c.flags() & SC_BLOCK_DATA) == 0) {
                throw malformed("externalizable class " + c.name() + " written without block data (protocol 1)");
            }
            LinkedHashMap<String, Object> fields = new LinkedHashMap<>();
            if (!c.isExternalizable()) {
                for (ClassDescriptor.FieldDescriptor field : c.fields()) {
                    fields.put(field.name(), field.isPrimitive() ? primitive(field.typeCode()) : content(false));
                }
            }
            object.add(c, fields, c.hasAnnotation() ? annotation() : new ArrayList<>());
        }
        return object;
    }

    /** Contents up to the end-of-block-data marker. */
    private List<Object> annotation() throws MalformedStreamException {
        List<Object> items = new ArrayList<>();
        while (true) {
            if (peek() == TC_ENDBLOCKDATA) {
                position++;
                return items;
            }
            items.add(content(true));
        }
    }

    private SerialArray newArray() throws MalformedStreamException {
        ClassDescriptor descriptor = classDescriptor();
        if (descriptor == null || !descriptor.name().startsWith("[") || descriptor.name().length() < 2) {
            throw malformed("array without an array class at byte " + position);
        }
        int handle = reserveHandle();
        int size = intValue();
        char component = descriptor.name().charAt(1);
        if (size < 0 || (long) size * elementBytes(component) > remaining()) {
            throw malformed("array of " + size + " elements does not fit in the " + remaining()
                    + " bytes left");
        }
        SerialArray array;
        if (component == 'B') {
            array = new SerialArray(descriptor, List.of(), take(size));
        } else {
            List<Object> elements = new ArrayList<>(size);
            array = new SerialArray(descriptor, java.util.Collections.unmodifiableList(elements), null);
            handles.set(handle, array);
            for (int i = 0; i < size; i++) {
                elements.add(component == 'L' || component == '[' ? content(false) : primitive(component));
            }
        }
        handles.set(handle, array);
        return array;
    }

    private static int elementBytes(char component) throws MalformedStreamException {
        return switch (component) {
            case 'B', 'Z', 'L', '[' -> 1;
            case 'C', 'S' -> 2;
            case 'I', 'F' -> 4;
            case 'J', 'D' -> 8;
            default -> throw new MalformedStreamException("unknown array component type '" + component + "'");
        };
    }

    private SerialEnum newEnum() throws MalformedStreamException {
        ClassDescriptor descriptor = classDescriptor();
        if (descriptor == null) {
            throw malformed("enum without a class at byte " + position);
        }
        int handle = reserveHandle();
        Object constant = content(false);
        if (!(constant instanceof String name)) {
            throw malformed("enum constant name expected for " + descriptor.name());
        }
        SerialEnum value = new SerialEnum(descriptor.name(), name);
        handles.set(handle, value);
        return value;
    }

    /** A throwable the writer hit while writing: the stream resets around it. */
    private Object exception() throws MalformedStreamException {
        handles.clear();
        Object thrown = content(false);
        handles.clear();
        return thrown;
    }

    private Object primitive(char typeCode) throws MalformedStreamException {
        return switch (typeCode) {
            case 'B' -> (byte) unsignedByte();
            case 'C' -> (char) unsignedShort();
            case 'D' -> Double.longBitsToDouble(longValue());
            case 'F' -> Float.intBitsToFloat(intValue());
            case 'I' -> intValue();
            case 'J' -> longValue();
            case 'S' -> (short) unsignedShort();
            case 'Z' -> unsignedByte() != 0;
            default -> throw malformed("unknown primitive type code '" + typeCode + "'");
        };
    }

    /** Modified UTF-8, as DataOutput.writeUTF writes it, of {@code length} bytes. */
    private String utf(int length) throws MalformedStreamException {
        byte[] encoded = take(length);
        StringBuilder text = new StringBuilder(length);
        int i = 0;
        while (i < encoded.length) {
            int b = encoded[i] & 0xFF;
            if (b < 0x80) {
                text.append((char) b);
                i++;
            } else if ((b & 0xE0) == 0xC0 && i + 1 < encoded.length && (encoded[i + 1] & 0xC0) == 0x80) {
                text.append((char) (((b & 0x1F) << 6) | (encoded[i + 1] & 0x3F)));
                i += 2;
            } else if ((b & 0xF0) == 0xE0 && i + 2 < encoded.length && (encoded[i + 1] & 0xC0) == 0x80
                    && (encoded[i + 2] & 0xC0) == 0x80) {
                text.append((char) (((b & 0x0F) << 12) | ((encoded[i + 1] & 0x3F) << 6)
                        | (encoded[i + 2] & 0x3F)));
                i += 3;
            } else {
                throw malformed("malformed modified UTF-8 in a string ending at byte " + position);
            }
        }
        return text.toString();
    }

    private int length(long declared) throws MalformedStreamException {
        if (declared < 0 || declared > remaining()) {
            throw malformed("length " + declared + " at byte " + position + " exceeds the " + remaining()
                    + " bytes left");
        }
        return (int) declared;
    }

    private byte[] take(int length) throws MalformedStreamException {
        require(length);
        byte[] slice = java.util.Arrays.copyOfRange(bytes, position, position + length);
        position += length;
        return slice;
    }

    private int peek() throws MalformedStreamException {
        require(1);
        return bytes[position] & 0xFF;
    }

    private int unsignedByte() throws MalformedStreamException {
        require(1);
        return bytes[position++] & 0xFF;
    }

    private int unsignedShort() throws MalformedStreamException {
        return (unsignedByte() << 8) | unsignedByte();
    }

    private int intValue() throws MalformedStreamException {
        return (unsignedShort() << 16) | unsignedShort();
    }

    private long longValue() throws MalformedStreamException {
        return ((long) intValue() << 32) | (intValue() & 0xFFFFFFFFL);
    }

    private int remaining() {
        return bytes.length - position;
    }

    private void require(int count) throws MalformedStreamException {
        if (count < 0 || count > remaining()) {
            throw malformed("stream ends after " + bytes.length + " bytes, in the middle of an item");
        }
    }

    private MalformedStreamException malformed(String message) {
        return new MalformedStreamException(message);
    }
}
