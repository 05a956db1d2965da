package io.jobemu.core.serialized;

/**
 * Raw bytes a writeObject or writeExternal method wrote (its primitives), in stream order; {@link
 * JdkValues#blockBytes} joins the chunks of one annotation.
 */
public record BlockData(byte[] bytes) {}
