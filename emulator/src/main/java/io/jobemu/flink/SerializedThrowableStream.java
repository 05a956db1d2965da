package io.jobemu.flink;

import static java.io.ObjectStreamConstants.SC_SERIALIZABLE;
import static java.io.ObjectStreamConstants.SC_WRITE_METHOD;
import static java.io.ObjectStreamConstants.STREAM_MAGIC;
import static java.io.ObjectStreamConstants.STREAM_VERSION;
import static java.io.ObjectStreamConstants.TC_CLASSDESC;
import static java.io.ObjectStreamConstants.TC_ENDBLOCKDATA;
import static java.io.ObjectStreamConstants.TC_NULL;
import static java.io.ObjectStreamConstants.TC_OBJECT;
import static java.io.ObjectStreamConstants.TC_REFERENCE;
import static java.io.ObjectStreamConstants.TC_STRING;
import static java.io.ObjectStreamConstants.baseWireHandle;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A failure as Flink sends it in {@code serialized-throwable}: the Java serialization stream of an
 * {@code org.apache.flink.util.SerializedThrowable}, which Flink's client deserializes to report a failed job or
 * operation. Written field by field here, so the emulator needs no Flink class. Each exception of the printed
 * stack trace's "Caused by:" chain becomes a SerializedThrowable with its message, its part of the printed trace
 * and the next one as its cause, as Flink builds them; none carries a serialized original (the client then shows
 * the SerializedThrowable itself, as it does for an exception class it cannot load).
 */
final class SerializedThrowableStream {

    private static final String CAUSED_BY = "Caused by: ";
    /** serialVersionUIDs of the classes written, as the JDK and Flink 2.3.0 declare them. */
    private static final long SERIALIZED_THROWABLE_UID = 7284183123441947635L;
    private static final long EXCEPTION_UID = -3387516993124229948L;
    private static final long THROWABLE_UID = -3042686055658047285L;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final DataOutputStream out = new DataOutputStream(bytes);
    private int nextHandle = baseWireHandle;
    /** The handle of SerializedThrowable's class descriptor once written; later objects refer to it. */
    private int descriptorHandle = -1;
    private int stringTypeHandle;

    /** One exception of the chain: its class, its message (or null) and the printed trace from it on. */
    private record Link(String exceptionClass, String message, String trace) {}

    private SerializedThrowableStream() {
    }

    /** The stream for a failure printed as {@code trace} ("class: message", frames, "Caused by: ..." sections). */
    static byte[] of(String trace) {
        SerializedThrowableStream stream = new SerializedThrowableStream();
        try {
            stream.out.writeShort(STREAM_MAGIC);
            stream.out.writeShort(STREAM_VERSION);
            stream.object(chain(trace), 0);
            stream.out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory failed", e);
        }
        return stream.bytes.toByteArray();
    }

    private static List<Link> chain(String trace) {
        List<Link> chain = new ArrayList<>();
        int start = 0;
        while (start >= 0) {
            int next = trace.indexOf("\n" + CAUSED_BY, start);
            String header = trace.substring(start, trace.indexOf('\n', start) < 0 ? trace.length()
                    : trace.indexOf('\n', start));
            int separator = header.indexOf(": ");
            chain.add(new Link(separator < 0 ? header : header.substring(0, separator),
                    separator < 0 ? null : header.substring(separator + 2), trace.substring(start)));
            start = next < 0 ? -1 : next + 1 + CAUSED_BY.length();
        }
        return chain;
    }

    private void object(List<Link> chain, int index) throws IOException {
        Link link = chain.get(index);
        out.writeByte(TC_OBJECT);
        if (descriptorHandle < 0) {
            descriptors();
        } else {
            reference(descriptorHandle);
        }
        nextHandle++;
        // the object's data, top of the hierarchy first: Throwable (cause, detailMessage, stackTrace,
        // suppressedExceptions, then the end of what its writeObject wrote), Exception (nothing), SerializedThrowable
        if (index + 1 < chain.size()) {
            object(chain, index + 1);
        } else {
            out.writeByte(TC_NULL);
        }
        string(link.message() == null ? link.exceptionClass() : link.exceptionClass() + ": " + link.message());
        out.writeByte(TC_NULL);
        out.writeByte(TC_NULL);
        out.writeByte(TC_ENDBLOCKDATA);
        string(link.trace());
        string(link.exceptionClass());
        out.writeByte(TC_NULL);
    }

    /** The class descriptors, most derived first; each field's type name is a string object, shared by handle. */
    private void descriptors() throws IOException {
        descriptorHandle = classDescriptor("org.apache.flink.util.SerializedThrowable", SERIALIZED_THROWABLE_UID,
                SC_SERIALIZABLE);
        out.writeShort(3);
        objectField('L', "fullStringifiedStackTrace");
        stringTypeHandle = string("Ljava/lang/String;");
        objectField('L', "originalErrorClassName");
        reference(stringTypeHandle);
        objectField('[', "serializedException");
        string("[B");
        out.writeByte(TC_ENDBLOCKDATA);
        classDescriptor("java.lang.Exception", EXCEPTION_UID, SC_SERIALIZABLE);
        out.writeShort(0);
        out.writeByte(TC_ENDBLOCKDATA);
        classDescriptor("java.lang.Throwable", THROWABLE_UID, SC_SERIALIZABLE | SC_WRITE_METHOD);
        out.writeShort(4);
        objectField('L', "cause");
        string("Ljava/lang/Throwable;");
        objectField('L', "detailMessage");
        reference(stringTypeHandle);
        objectField('[', "stackTrace");
        string("[Ljava/lang/StackTraceElement;");
        objectField('L', "suppressedExceptions");
        string("Ljava/util/List;");
        out.writeByte(TC_ENDBLOCKDATA);
        out.writeByte(TC_NULL);
    }

    /** A class descriptor's head; its handle. */
    private int classDescriptor(String name, long serialVersionUid, int flags) throws IOException {
        out.writeByte(TC_CLASSDESC);
        out.writeUTF(name);
        out.writeLong(serialVersionUid);
        out.writeByte(flags);
        return nextHandle++;
    }

    private void objectField(char typeCode, String name) throws IOException {
        out.writeByte(typeCode);
        out.writeUTF(name);
    }

    /** A new string object; its handle. Strings past writeUTF's 65,535 bytes are cut, as a stack trace may be. */
    private int string(String value) throws IOException {
        out.writeByte(TC_STRING);
        out.writeUTF(fitting(value));
        return nextHandle++;
    }

    private void reference(int handle) throws IOException {
        out.writeByte(TC_REFERENCE);
        out.writeInt(handle);
    }

    /** The longest prefix whose modified UTF-8 form fits in writeUTF's 65,535 bytes. */
    private static String fitting(String value) {
        int bytes = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            bytes += c >= 1 && c <= 0x7F ? 1 : c <= 0x7FF ? 2 : 3;
            if (bytes > 65_535) {
                return value.substring(0, i);
            }
        }
        return value;
    }
}
