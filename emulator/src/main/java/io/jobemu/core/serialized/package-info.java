/**
 * Java serialization streams read as data: the grammar of the Java Object Serialization Specification (chapter 6)
 * parsed into class descriptors, field values and annotations, without loading, naming or instantiating any class
 * the stream mentions. What a client uploads stays bytes the emulator inspects; nothing in it ever runs.
 */
package io.jobemu.core.serialized;
