package io.jobemu.jobserver;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;

/** The real server's three ways of printing time. */
public final class Timestamps {

    /** {@code JsonProtocols.DATE_PATTERN}: jobs' startTime and data file names, in the server's zone. */
    private static final DateTimeFormatter SERVER_ZONE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX").withZone(ZoneId.systemDefault());
    /** Binaries' upload-time and contexts' startTime/endTime: always UTC, three fraction digits. */
    private static final DateTimeFormatter UTC_INSTANT = new DateTimeFormatterBuilder().appendInstant(3).toFormatter();

    private Timestamps() {
    }

    public static String serverZone(long epochMillis) {
        return SERVER_ZONE.format(Instant.ofEpochMilli(epochMillis));
    }

    public static String utc(long epochMillis) {
        return UTC_INSTANT.format(Instant.ofEpochMilli(epochMillis));
    }

    /** A job's duration: seconds as Scala prints a Double ({@code "1.5 secs"}), or "Job not done yet". */
    public static String duration(long startMillis, long endMillis) {
        return endMillis < 0 ? "Job not done yet" : (endMillis - startMillis) / 1000.0 + " secs";
    }
}
