package io.jobemu.streamkap;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The two ways Streamkap writes times: pydantic's ISO-8601 for entities, an HTTP date for token expiry. */
public final class StreamkapTime {

    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    private StreamkapTime() {
    }

    /** A UTC datetime as pydantic v2 serialises it: microseconds only when there are any, then {@code Z}. */
    public static String iso(long epochMillis) {
        Instant instant = Instant.ofEpochMilli(epochMillis);
        int millis = (int) Math.floorMod(epochMillis, 1000L);
        return SECONDS.format(instant) + (millis == 0 ? "" : String.format(Locale.ROOT, ".%06d", millis * 1000))
                + "Z";
    }

    /** {@code Tue, 24 Nov 2026 09:38:19 GMT}, as Frontegg's token answers write {@code expires}. */
    public static String httpDate(long epochMillis) {
        return HTTP_DATE.format(Instant.ofEpochMilli(epochMillis));
    }
}
