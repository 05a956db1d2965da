package io.jobemu.contract.http;

import java.net.URI;
import java.time.Duration;

/** One request and the answer it got. */
public record Exchange(Request request, URI uri, Response response, Duration elapsed) {
}
