package io.jobemu.core.serialized;

/** An enum constant of the stream: its class name and the constant's name. */
public record SerialEnum(String className, String constant) {}
