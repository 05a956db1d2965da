package io.jobemu.contract.flows.streamkap;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jobemu.contract.flows.Call;
import io.jobemu.contract.flows.Expect;
import io.jobemu.contract.flows.Flow;
import io.jobemu.contract.flows.FlowContext;
import io.jobemu.contract.flows.ParameterSweep;
import io.jobemu.contract.flows.Probe;
import io.jobemu.contract.flows.Result;
import io.jobemu.contract.flows.flink.ProbeJar;
import io.jobemu.contract.http.ApiClient;
import io.jobemu.contract.http.Part;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Drives Streamkap's Flink-jobs API like a client: exchanges the client credentials for an access token and
 * refreshes it, lists jobs, deploys the Flink probe jar and waits for it to run, reads it, stops it with a
 * savepoint, deploys a second job to cancel and a PyFlink one, deletes them, and sends the documented error cases
 * (no or bad token, bad credentials, validation errors, name conflicts, unknown ids). With --token instead of
 * client credentials the token endpoints are not exercised.
 */
public final class StreamkapFlow implements Flow {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> ENDED = Set.of("FAILED", "CANCELLED", "FINISHED");
    private static final Set<String> TOKEN_OPERATIONS = Set.of("getAccessToken", "refreshAccessToken");

    private final Map<String, String> known = new LinkedHashMap<>();
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private FlowContext ctx;

    /** Getting a token is how a read-only client starts; it changes nothing on the server. */
    @Override
    public Set<String> harmlessWrites() {
        return TOKEN_OPERATIONS;
    }

    /** The job list, or FastAPI's {@code {"detail": ...}} refusal without a token. */
    @Override
    public Probe probe() {
        return new Probe("/flink_jobs", answer -> answer.status() == 200 && answer.json().has("result")
                || answer.status() == 401 && answer.json().has("detail"));
    }

    @Override
    public boolean needsCredentials() {
        return true;
    }

    @Override
    public void run(FlowContext context) throws InterruptedException {
        this.ctx = context;
        boolean authenticated = ctx.options().token().isPresent();
        if (ctx.options().clientId().isPresent()) {
            ctx.section("access token", this::accessToken);
            authenticated = ctx.client().authorization() != null;
        } else {
            ctx.notExercised(ctx.options().token().isPresent()
                    ? "a token was given (use --client-id/--secret to check the token endpoints)"
                    : "needs --client-id and --secret", TOKEN_OPERATIONS.toArray(String[]::new));
        }
        ctx.section("unauthenticated", this::unauthenticated);
        if (!authenticated) {
            ctx.spec().operations().forEach(operation -> ctx.notExercised(
                    "needs credentials (--client-id/--secret or --token)", operation.id()));
            return;
        }
        ctx.section("list", this::list);
        if (ctx.writes()) {
            ctx.section("job to stop", this::jobToStop);
            ctx.section("job to cancel", this::jobToCancel);
            ctx.section("pyflink job", this::pyflinkJob);
            ctx.section("deploy errors", this::deployErrors);
        } else {
            ctx.section("existing job", this::readExistingJob);
        }
        ctx.section("sweep", () -> new ParameterSweep(ctx, known).run(Set.of()));
    }

    // ---- tokens ------------------------------------------------------------------------------------------

    private void accessToken() throws InterruptedException {
        String clientId = ctx.options().clientId().orElseThrow();
        String secret = ctx.options().clientSecret().orElseThrow();
        ctx.call("getAccessToken").as("wrong secret").json(credentials(clientId, secret + "-wrong"))
                .expect(Expect.status(401)).send();
        ctx.call("getAccessToken").as("no credentials").json("{}").expect(Expect.status(422)).send();
        ctx.call("getAccessToken").as("malformed body").json("{\"client_id\":").expect(Expect.status(422)).send();
        Result first = ctx.call("getAccessToken").json(credentials(clientId, secret)).send().require();
        String spent = first.text("/refreshToken");
        first.text("/accessToken");
        Result refreshed = ctx.call("refreshAccessToken").json(JSON.createObjectNode().put("refresh_token", spent))
                .send().require();
        ctx.client().authorization("Bearer " + refreshed.text("/accessToken"));
        ctx.call("refreshAccessToken").as("spent refresh token").json(JSON.createObjectNode()
                .put("refresh_token", spent)).expect(Expect.status(401)).send();
        ctx.call("refreshAccessToken").as("no refresh token").json("{}").expect(Expect.status(422)).send();
    }

    private static String credentials(String clientId, String secret) {
        return JSON.createObjectNode().put("client_id", clientId).put("secret", secret).toString();
    }

    private void unauthenticated() throws InterruptedException {
        ctx.call("listFlinkJobs").as("no token").header(ApiClient.AUTHORIZATION, "")
                .expect(Expect.status(401)).send();
        ctx.call("listFlinkJobs").as("bad token").header(ApiClient.AUTHORIZATION, "Bearer not-a-token")
                .expect(Expect.status(401)).send();
    }

    // ---- reads -------------------------------------------------------------------------------------------

    private void list() throws InterruptedException {
        ctx.call("listFlinkJobs").send().require();
        ctx.call("listFlinkJobs").as("newest first, page of 5").query("page", 1).query("page_size", 5)
                .query("sort_dir", "desc").send();
        ctx.call("listFlinkJobs").as("page size 0").query("page_size", 0).expect(Expect.status(422)).send();
    }

    private void readExistingJob() throws InterruptedException {
        String id = ctx.call("listFlinkJobs").as("pick one").send().json().path("result").path(0).path("_id")
                .asText();
        if (!id.isEmpty()) {
            known.put("job_id", id);
            readJob(id, "existing job");
        }
    }

    /**
     * The job list while it holds a job in the given state, unfiltered (a page: the job may be on another) and
     * filtered by the state and the job's unique name, which must show exactly that job so (and nothing in another
     * state). A state the job may already have left (CREATED) is only checked as a filter.
     */
    private void readList(String label, String id, String name, String status, boolean settled)
            throws InterruptedException {
        ctx.call("listFlinkJobs").as(label).send().shows("/result", "_id", id, "status", settled ? status : null,
                true);
        Result filtered = ctx.call("listFlinkJobs").as(label + ", only " + status).query("status", status)
                .query("partial_name", name).send().allHave("/result", "status", status);
        if (settled) {
            filtered.shows("/result", "_id", id, "status", status, false);
        }
    }

    private void readJob(String id, String label) throws InterruptedException {
        ctx.call("getFlinkJob").as(label).path("job_id", id).send();
        ctx.call("getFlinkJobStatus").as(label).path("job_id", id).send();
    }

    // ---- jobs --------------------------------------------------------------------------------------------

    /** Deploys the probe jar; the job is removed at the end unless the flow deletes it itself. */
    private String deploy(String name) throws InterruptedException {
        String id = ctx.call("deployFlinkJarJob").as(name).part(jarFile()).part(Part.field("name", name))
                .part(Part.field("main_class", ProbeJar.ENTRY_CLASS)).part(Part.field("parallelism", "1"))
                .part(Part.field("job_args", "{}")).send().require().text("/_id");
        known.put("job_id", id);
        ctx.onCleanup("delete Streamkap job " + id, () -> ctx.call("deleteFlinkJob").as("cleanup")
                .path("job_id", id).expect(Expect.DECLARED).send());
        return id;
    }

    private static Part jarFile() {
        return Part.file("jar_file", ProbeJar.FILE_NAME, "application/java-archive", ProbeJar.build());
    }

    private Result awaitStatus(String id, String label, String wanted) throws InterruptedException {
        Result result = ctx.poll(() -> ctx.call("getFlinkJobStatus").as(label).path("job_id", id),
                r -> wanted.equals(r.json().path("status").asText())
                        || ENDED.contains(r.json().path("status").asText()),
                "job " + id + " to be " + wanted);
        String status = result.json().path("status").asText();
        if (!wanted.equals(status)) {
            throw result.unusable("/status", wanted, status);
        }
        return result;
    }

    private void jobToStop() throws InterruptedException {
        String name = "jobemu-contract-stop-" + suffix;
        String id = deploy(name);
        ctx.call("deployFlinkJarJob").as("name taken").part(jarFile()).part(Part.field("name", name))
                .part(Part.field("main_class", ProbeJar.ENTRY_CLASS)).expect(Expect.status(409)).send();
        readList("job just deployed", id, name, "CREATED", false);
        awaitStatus(id, "until running", "RUNNING");
        readJob(id, "running job");
        readList("job running", id, name, "RUNNING", true);
        // a stop needs every task of the Flink job running, which no answer shows: until then it is a 409
        ctx.poll(() -> ctx.call("stopFlinkJob").path("job_id", id).expect(Expect.DECLARED),
                r -> r.exchange().response().isSuccess(), "the stop to be accepted");
        awaitStatus(id, "until finished", "FINISHED");
        ctx.call("getFlinkJob").as("stopped job").path("job_id", id).send();
        readList("job finished", id, name, "FINISHED", true);
        ctx.call("stopFlinkJob").as("finished job").path("job_id", id).expect(Expect.status(409)).send();
        ctx.call("cancelFlinkJob").as("finished job").path("job_id", id).expect(Expect.status(409)).send();
    }

    private void jobToCancel() throws InterruptedException {
        String name = "jobemu-contract-cancel-" + suffix;
        String id = deploy(name);
        awaitStatus(id, "cancel: until running", "RUNNING");
        ctx.call("cancelFlinkJob").path("job_id", id).send().require();
        awaitStatus(id, "until cancelled", "CANCELLED");
        readList("job cancelled", id, name, "CANCELLED", true);
        ctx.call("cancelFlinkJob").as("already cancelled").path("job_id", id).expect(Expect.DECLARED).send();
        ctx.call("deleteFlinkJob").path("job_id", id).send().require();
        ctx.call("getFlinkJob").as("deleted job").path("job_id", id).expect(Expect.status(404)).send();
        ctx.call("listFlinkJobs").as("job deleted").query("partial_name", name).send()
                .doesNotShow("/result", "_id", id);
    }

    private void pyflinkJob() throws InterruptedException {
        String name = "jobemu-contract-py-" + suffix;
        String id = ctx.call("deployFlinkPyflinkJob").part(Part.file("python_file", "probe.py", "text/x-python",
                        "print('jobemu contract probe')\n".getBytes(StandardCharsets.UTF_8)))
                .part(Part.field("name", name)).send().require().text("/_id");
        ctx.call("getFlinkJobStatus").as("pyflink job").path("job_id", id).send();
        ctx.call("deleteFlinkJob").as("pyflink job").path("job_id", id).send();
    }

    private void deployErrors() throws InterruptedException {
        String name = "jobemu-contract-invalid-" + suffix;
        refused(ctx.call("deployFlinkJarJob").as("no main class").part(jarFile()).part(Part.field("name", name)));
        refused(ctx.call("deployFlinkJarJob").as("parallelism 0").part(jarFile()).part(Part.field("name", name))
                .part(Part.field("main_class", ProbeJar.ENTRY_CLASS)).part(Part.field("parallelism", "0")));
        refused(ctx.call("deployFlinkPyflinkJob").as("no file").part(Part.field("name", name)));
    }

    /**
     * Sends a deploy that FastAPI must refuse with its 422 validation error; should the server create the job
     * anyway, it is removed again.
     */
    private void refused(Call deploy) throws InterruptedException {
        Result result = deploy.expect(Expect.status(422)).send();
        String id = result.json().path("_id").asText();
        if (result.exchange().response().isSuccess() && !id.isEmpty()) {
            ctx.onCleanup("delete Streamkap job " + id, () -> ctx.call("deleteFlinkJob").as("cleanup")
                    .path("job_id", id).expect(Expect.DECLARED).send());
        }
    }
}
