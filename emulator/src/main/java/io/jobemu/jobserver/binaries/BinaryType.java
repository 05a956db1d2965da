package io.jobemu.jobserver.binaries;

import java.util.Optional;

/** The real server's uploadable {@code BinaryType}s, by the media type of the upload. */
public enum BinaryType {
    JAR("Jar"), EGG("Egg"), WHEEL("Wheel");

    private final String wireName;

    BinaryType(String wireName) {
        this.wireName = wireName;
    }

    /** The name the API prints ({@code "binary-type":"Jar"}). */
    public String wireName() {
        return wireName;
    }

    /** {@code BinaryType.fromMediaType}: matched on the bare media type, parameters ignored. */
    public static Optional<BinaryType> fromMediaType(String mediaType) {
        return switch (mediaType) {
            case "application/java-archive" -> Optional.of(JAR);
            case "application/python-wheel" -> Optional.of(WHEEL);
            // the last two are kept by the real server for backward compatibility
            case "application/python-egg", "application/python-archive", "python-archive" -> Optional.of(EGG);
            default -> Optional.empty();
        };
    }
}
