package io.jobemu.junit;

/** Request methods, for journal queries and assertions: {@code received(POST, "/jars/upload")}. */
public enum HttpMethod {
    GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS
}
