package io.jobemu.contract;

import static io.jobemu.contract.validation.ResponseValidator.abbreviate;

import io.jobemu.contract.flows.Flow;
import io.jobemu.contract.flows.Probe;
import io.jobemu.contract.http.ApiClient;
import io.jobemu.contract.http.Request;
import io.jobemu.contract.http.Response;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * What a run makes sure of before its first check: that it has the credentials it needs, that something answers at
 * the base URL, over TLS if asked, and that it is a server of the API to check. Each "no" is one line and its own
 * exit status, instead of a table in which every operation failed for the same reason.
 */
final class Preflight {

    private Preflight() {
    }

    static Optional<Stopped> check(ContractOptions options, ApiClient client, Flow flow) throws InterruptedException {
        String api = options.api().cliName();
        boolean credentialsGiven = options.token().isPresent() || options.basicAuth().isPresent()
                || options.clientId().isPresent();
        if (flow.needsCredentials() && !credentialsGiven && !options.allowNotExercised()) {
            return stop(Stopped.Reason.CREDENTIALS, api + " checks need credentials: pass --client-id and --secret "
                    + "(or --token); --allow-not-exercised runs only the checks that need none");
        }
        Probe probe = flow.probe();
        String url = client.baseUrl().toString();
        Response answer;
        try {
            answer = client.send(Request.of("GET", probe.path())).response();
        } catch (SSLException e) {
            return stop(Stopped.Reason.TLS, "TLS with " + url + " failed: " + reason(e));
        } catch (ConnectException | HttpConnectTimeoutException e) {
            return stop(Stopped.Reason.UNREACHABLE, "cannot connect to " + url + ": " + connectReason(e));
        } catch (IOException e) {
            return stop(Stopped.Reason.UNREACHABLE, "no HTTP answer from " + url + ": " + reason(e)
                    + (url.startsWith("http:") ? " (does it speak https?)" : ""));
        }
        String got = "GET " + probe.path() + " answered " + answer.status() + " "
                + abbreviate(answer.text()).replaceAll("\\s+", " ");
        if ((answer.status() == 401 || answer.status() == 403)
                && (options.token().isPresent() || options.basicAuth().isPresent())) {
            return stop(Stopped.Reason.CREDENTIALS, url + " refused the credentials given: " + shorten(got));
        }
        if (probe.answersLikeTheApi().test(answer)) {
            return Optional.empty();
        }
        if ((answer.status() == 401 || answer.status() == 403) && !credentialsGiven) {
            return stop(Stopped.Reason.CREDENTIALS, url + " asks for credentials (pass --basic-auth USER:PASS or "
                    + "--token TOKEN): " + shorten(got));
        }
        return stop(Stopped.Reason.WRONG_SERVER, url + " does not answer like " + options.api().serverName() + ": "
                + shorten(got));
    }

    private static Optional<Stopped> stop(Stopped.Reason reason, String message) {
        return Optional.of(new Stopped(reason, message));
    }

    private static String connectReason(IOException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnresolvedAddressException) {
                return "unknown host";
            }
        }
        return e instanceof HttpConnectTimeoutException ? "timed out" : reason(e).isEmpty()
                ? "connection refused" : reason(e);
    }

    /** The innermost message: the JDK wraps the telling one (a certificate problem, say) in generic ones. */
    private static String reason(Throwable e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null) {
                message = cause.getMessage();
            }
        }
        return shorten(message.replaceAll("\\s+", " "));
    }

    private static String shorten(String text) {
        return text.length() <= 100 ? text : text.substring(0, 99) + "…";
    }
}
