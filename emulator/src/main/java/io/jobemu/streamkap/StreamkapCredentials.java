package io.jobemu.streamkap;

/** The API client credentials the emulated Streamkap exchanges for access tokens. */
public record StreamkapCredentials(String clientId, String secret) {

    /** Documented in README, so a newcomer can get a token without configuring anything. */
    public static final StreamkapCredentials DEFAULT = new StreamkapCredentials("jobemu-client-id",
            "jobemu-secret");

    public StreamkapCredentials {
        if (clientId == null || clientId.isBlank() || secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("the Streamkap client id and secret must not be empty");
        }
    }

    /** Never prints the secret (configs end up in logs and assertion messages). */
    @Override
    public String toString() {
        return "StreamkapCredentials[clientId=" + clientId + ", secret=<redacted>]";
    }

    public StreamkapCredentials withClientId(String newClientId) {
        return new StreamkapCredentials(newClientId, secret);
    }

    public StreamkapCredentials withSecret(String newSecret) {
        return new StreamkapCredentials(clientId, newSecret);
    }
}
