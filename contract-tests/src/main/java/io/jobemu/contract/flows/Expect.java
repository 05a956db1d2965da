package io.jobemu.contract.flows;

/** What a flow expects of a status code, on top of it being declared by the spec. */
public enum Expect {
    /** A valid request: 2xx. */
    SUCCESS("a 2xx status"),
    /** A request the server must refuse as malformed or unauthorised: 4xx. */
    CLIENT_ERROR("a 4xx status"),
    /** Any error: 4xx or 5xx (unknown ids, bad bodies where servers differ in how they refuse). */
    ERROR("a 4xx or 5xx status"),
    /** Anything but a 5xx: a malformed request must be refused (or tolerated), never break the server. */
    NO_SERVER_ERROR("a status below 500"),
    /** Only what the spec declares. */
    DECLARED("a declared status");

    private final String description;

    Expect(String description) {
        this.description = description;
    }

    public boolean accepts(int status) {
        return switch (this) {
            case SUCCESS -> status >= 200 && status < 300;
            case CLIENT_ERROR -> status >= 400 && status < 500;
            case ERROR -> status >= 400 && status < 600;
            case NO_SERVER_ERROR -> status < 500;
            case DECLARED -> true;
        };
    }

    public String description() {
        return description;
    }
}
