package io.jobemu.core.serialized;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.Externalizable;
import java.io.IOException;
import java.io.ObjectInput;
import java.io.ObjectOutput;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The stream grammar read as data: what {@code ObjectOutputStream} writes comes back as descriptors, fields and
 * annotations; any other bytes (truncated, corrupted, nested too deep, lying about lengths) fail with
 * {@link MalformedStreamException} and nothing else.
 */
class SerializedStreamTest {

    enum Color { RED, GREEN }

    static class Base implements Serializable {
        private static final long serialVersionUID = 1L;
        int baseValue = 7;
    }

    static final class Node extends Base {
        private static final long serialVersionUID = 2L;
        String name;
        long[] numbers;
        Color color;
        Node next;
        Class<?> type = String.class;
        transient int skipped = 99;

        Node(String name) {
            this.name = name;
        }
    }

    static final class WithWriteObject implements Serializable {
        private static final long serialVersionUID = 3L;
        final int field = 5;

        private void writeObject(ObjectOutputStream out) throws IOException {
            out.defaultWriteObject();
            out.writeInt(42);
            out.writeObject("extra");
        }
    }

    public static final class Outside implements Externalizable {
        private static final long serialVersionUID = 4L;

        public Outside() {
        }

        @Override
        public void writeExternal(ObjectOutput out) throws IOException {
            out.writeUTF("written by hand");
        }

        @Override
        public void readExternal(ObjectInput in) {
            throw new UnsupportedOperationException("only written in these tests");
        }
    }

    @Test
    void objectsComeBackAsTheirClassesFieldsAndHierarchyWithoutTheirClassesBeingNeeded() throws Exception {
        Node first = new Node("first");
        first.numbers = new long[] {1, 2, Long.MAX_VALUE};
        first.color = Color.GREEN;
        first.next = new Node("second");
        first.next.next = first;

        SerialObject parsed = (SerialObject) SerializedStream.parseFirstObject(serialize(first));

        assertThat(parsed.className()).isEqualTo(Node.class.getName());
        assertThat(parsed.isA(Base.class.getName())).isTrue();
        assertThat(parsed.hierarchy()).extracting(data -> data.descriptor().name())
                .containsExactly(Base.class.getName(), Node.class.getName());
        assertThat(parsed.intValue("baseValue")).contains(7);
        assertThat(parsed.string("name")).contains("first");
        assertThat(parsed.field("skipped")).isEmpty();
        assertThat(parsed.enumConstant("color")).contains("GREEN");
        assertThat(((SerialArray) parsed.field("numbers").orElseThrow()).elements())
                .containsExactly(1L, 2L, Long.MAX_VALUE);
        assertThat(((ClassDescriptor) parsed.field("type").orElseThrow()).name()).isEqualTo("java.lang.String");
        SerialObject second = parsed.object("next").orElseThrow();
        assertThat(second.string("name")).contains("second");
        assertThat(second.object("next")).containsSame(parsed);
    }

    @Test
    void jdkCollectionsMapsBoxesAndDurationsReadBackThroughJdkValues() throws Exception {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("list", new ArrayList<>(List.of("a", "b")));
        map.put("immutable", List.of(1, 2, 3));
        map.put("set", new TreeSet<>(Set.of("z", "y")));
        map.put("hashSet", new HashSet<>(Set.of(5)));
        map.put("arrays", Arrays.asList("x", "y"));
        map.put("duration", Duration.of(1500, ChronoUnit.MILLIS));
        map.put("unmodifiable", java.util.Collections.unmodifiableList(new ArrayList<>(List.of(true))));

        Map<Object, Object> entries = JdkValues.entries(SerializedStream.parseFirstObject(serialize(map)));

        assertThat(entries.keySet()).containsExactly("list", "immutable", "set", "hashSet", "arrays", "duration",
                "unmodifiable");
        assertThat(JdkValues.elements(entries.get("list"))).containsExactly("a", "b");
        assertThat(JdkValues.elements(entries.get("immutable")).stream().map(JdkValues::unboxed))
                .containsExactly(1, 2, 3);
        assertThat(JdkValues.elements(entries.get("set"))).containsExactly("y", "z");
        assertThat(JdkValues.elements(entries.get("hashSet")).stream().map(JdkValues::unboxed)).containsExactly(5);
        assertThat(JdkValues.elements(entries.get("arrays"))).containsExactly("x", "y");
        assertThat(JdkValues.duration(entries.get("duration"))).contains(Duration.ofMillis(1500));
        assertThat(JdkValues.elements(entries.get("unmodifiable")).stream().map(JdkValues::unboxed))
                .containsExactly(true);
    }

    @Test
    void writeObjectAndExternalizableDataStayInTheAnnotation() throws Exception {
        SerialObject custom = (SerialObject) SerializedStream.parseFirstObject(serialize(new WithWriteObject()));
        assertThat(custom.intValue("field")).contains(5);
        assertThat(custom.annotatedObjects()).containsExactly("extra");
        assertThat(JdkValues.blockBytes(custom.annotation(WithWriteObject.class.getName())))
                .containsExactly(0, 0, 0, 42);

        SerialObject outside = (SerialObject) SerializedStream.parseFirstObject(serialize(new Outside()));
        assertThat(outside.descriptor().isExternalizable()).isTrue();
        assertThat(new String(JdkValues.blockBytes(outside.annotation(Outside.class.getName())),
                java.nio.charset.StandardCharsets.UTF_8)).endsWith("written by hand");
    }

    @Test
    void stringsKeepEveryCharacterOfModifiedUtf8() throws Exception {
        String text = "ascii, über, €, \u0000, 𝄞";
        assertThat(SerializedStream.parseFirstObject(serialize(text))).isEqualTo(text);
        String longText = "x".repeat(70_000);
        assertThat(SerializedStream.parseFirstObject(serialize(longText))).isEqualTo(longText);
    }

    @Test
    void everyTruncationFailsAsMalformed() throws Exception {
        Node node = new Node("truncated");
        node.numbers = new long[] {3, 4};
        byte[] bytes = serialize(List.of(node, Map.of("k", Duration.ofSeconds(1))));
        for (int length = 0; length < bytes.length; length++) {
            byte[] prefix = Arrays.copyOf(bytes, length);
            assertThatThrownBy(() -> SerializedStream.parseFirstObject(prefix)).as("first %d bytes", length)
                    .isInstanceOf(MalformedStreamException.class);
        }
    }

    @Test
    void corruptedStreamsParseOrFailAsMalformedAndNothingElse() throws Exception {
        Node node = new Node("corrupted");
        node.next = new Node("next");
        node.numbers = new long[] {1};
        byte[] original = serialize(List.of(node, new WithWriteObject(), Map.of("a", 1), Color.RED, "text"));
        Random random = new Random(20261208);
        for (int i = 0; i < 20_000; i++) {
            byte[] mutated = original.clone();
            int flips = 1 + random.nextInt(4);
            for (int f = 0; f < flips; f++) {
                mutated[random.nextInt(mutated.length)] = (byte) random.nextInt(256);
            }
            try {
                SerializedStream.parse(mutated);
            } catch (MalformedStreamException expected) {
                // the only way a stream may fail
            }
        }
    }

    @Test
    void lengthsBeyondTheBytesLeftFailWithoutAllocatingThem() {
        byte[] hugeArray = stream(out -> {
            out.writeByte(0x75);
            classDescriptor(out, "[J");
            out.writeInt(Integer.MAX_VALUE);
        });
        assertThatThrownBy(() -> SerializedStream.parseFirstObject(hugeArray))
                .isInstanceOf(MalformedStreamException.class).hasMessageContaining("does not fit");

        byte[] hugeString = stream(out -> {
            out.writeByte(0x7C);
            out.writeLong(Long.MAX_VALUE);
        });
        assertThatThrownBy(() -> SerializedStream.parseFirstObject(hugeString))
                .isInstanceOf(MalformedStreamException.class).hasMessageContaining("exceeds");

        byte[] danglingReference = stream(out -> {
            out.writeByte(0x71);
            out.writeInt(0x7E0000 + 5);
        });
        assertThatThrownBy(() -> SerializedStream.parseFirstObject(danglingReference))
                .isInstanceOf(MalformedStreamException.class).hasMessageContaining("unknown handle");
    }

    @Test
    void nestingBeyondTheBoundFailsAsMalformed() {
        int depth = SerializedStream.MAX_DEPTH + 10;
        byte[] nested = stream(out -> {
            for (int i = 0; i < depth; i++) {
                out.writeByte(0x75);
                if (i == 0) {
                    classDescriptor(out, "[Ljava.lang.Object;");
                } else {
                    out.writeByte(0x71);
                    out.writeInt(0x7E0000);
                }
                out.writeInt(1);
            }
            out.writeByte(0x70);
        });
        assertThatThrownBy(() -> SerializedStream.parseFirstObject(nested))
                .isInstanceOf(MalformedStreamException.class).hasMessageContaining("nested deeper than");
    }

    @Test
    void notAStreamAtAll() {
        assertThatThrownBy(() -> SerializedStream.parseFirstObject("PK\u0003\u0004".getBytes()))
                .isInstanceOf(MalformedStreamException.class).hasMessageContaining("bad magic");
    }

    interface StreamWriter {
        void write(DataOutputStream out) throws IOException;
    }

    /** A hand-made stream: the header, then what {@code body} writes. */
    private static byte[] stream(StreamWriter body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeShort(0xACED);
            out.writeShort(5);
            body.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A class descriptor without fields or superclass. */
    private static void classDescriptor(DataOutputStream out, String name) throws IOException {
        out.writeByte(0x72);
        out.writeUTF(name);
        out.writeLong(1L);
        out.writeByte(0x02);
        out.writeShort(0);
        out.writeByte(0x78);
        out.writeByte(0x70);
    }

    private static byte[] serialize(Object value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        return bytes.toByteArray();
    }
}
