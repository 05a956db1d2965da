package io.jobemu.streamkap.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobemu.core.http.Call;
import io.jobemu.core.http.Json;
import io.jobemu.core.http.Response;
import io.jobemu.flink.jars.JarStore;
import io.jobemu.streamkap.auth.BearerAuth;
import io.jobemu.streamkap.fastapi.FastApi;
import io.jobemu.streamkap.fastapi.Form;
import io.jobemu.streamkap.fastapi.Query;
import io.jobemu.streamkap.fastapi.StarletteRouter;
import io.jobemu.streamkap.fastapi.Violations;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Flink Jobs endpoints. Each checks the bearer token first, except that a form body is parsed before (as
 * FastAPI does), so a broken multipart body is a 400 even without a token; validation errors come after the token.
 */
public final class FlinkJobHandlers {

    /** Flink's upper bound on a job's max parallelism; Streamkap's own bound, if any, is not documented. */
    static final int MAX_PARALLELISM = 32768;
    static final int MAX_PAGE_SIZE = 100;
    private static final List<String> SORT_DIRECTIONS = List.of("asc", "desc");

    private final StreamkapJobs jobs;
    private final Deployer deployer;
    private final FlinkJobViews views;
    private final BearerAuth auth;

    public FlinkJobHandlers(StreamkapJobs jobs, Deployer deployer, FlinkJobViews views, BearerAuth auth) {
        this.jobs = jobs;
        this.deployer = deployer;
        this.views = views;
        this.auth = auth;
    }

    /** {@code POST /flink_jobs/jar}: multipart jar_file, name, main_class, parallelism, job_args. */
    public Response deployJar(Call call) throws Exception {
        Violations violations = new Violations();
        Form form = Form.read(call, violations);
        String clientId = auth.clientId(call);
        Form.Upload jar = form.requiredFile("jar_file");
        String name = form.requiredText("name");
        String mainClass = form.requiredText("main_class");
        return deploy(form, violations, clientId, StreamkapJob.Type.JAR, jar, name, mainClass);
    }

    /** {@code POST /flink_jobs/pyflink} (inferred): multipart python_file, name, parallelism, job_args. */
    public Response deployPyFlink(Call call) throws Exception {
        Violations violations = new Violations();
        Form form = Form.read(call, violations);
        String clientId = auth.clientId(call);
        Form.Upload program = form.requiredFile("python_file");
        String name = form.requiredText("name");
        return deploy(form, violations, clientId, StreamkapJob.Type.PYFLINK, program, name,
                program == null ? null : JarStore.baseName(program.fileName()));
    }

    /** {@code GET /flink_jobs} (inferred): the paginated envelope of Streamkap's other list endpoints. */
    public Response list(Call call) {
        auth.clientId(call);
        Violations violations = new Violations();
        Query query = new Query(call, violations);
        Integer page = query.integer("page", 1, 1, Integer.MAX_VALUE);
        Integer pageSize = query.integer("page_size", 10, 1, MAX_PAGE_SIZE);
        String sortDirection = query.choice("sort_dir", SORT_DIRECTIONS, "asc");
        Optional<String> partialName = query.text("partial_name").map(n -> n.toLowerCase(Locale.ROOT));
        Optional<Set<String>> statuses = query.text("status").map(FlinkJobHandlers::statusSet);
        violations.throwIfAny();

        List<StreamkapJob.Snapshot> matching = jobs.all().stream().map(StreamkapJob::snapshot)
                .filter(job -> partialName.map(part -> job.definition().name().toLowerCase(Locale.ROOT)
                        .contains(part)).orElse(true))
                .filter(job -> statuses.map(wanted -> wanted.contains(job.status().name())).orElse(true))
                .collect(Collectors.toList());
        if (sortDirection.equals("desc")) {
            Collections.reverse(matching);
        }
        long skip = (long) (page - 1) * pageSize;
        ObjectNode envelope = Json.object();
        ArrayNode result = envelope.putArray("result");
        matching.stream().skip(skip).limit(pageSize).forEach(job -> result.add(views.job(job)));
        return FastApi.json(200, envelope
                .put("page", page)
                .put("page_size", pageSize)
                .put("total", matching.size())
                .put("has_next", skip + pageSize < matching.size()));
    }

    /** {@code GET /flink_jobs/{job_id}}: the job with live Flink data. */
    public Response details(Call call) {
        auth.clientId(call);
        return FastApi.json(200, views.detail(job(call).snapshot()));
    }

    /** {@code GET /flink_jobs/{job_id}/status}. */
    public Response status(Call call) {
        auth.clientId(call);
        return FastApi.json(200, views.status(job(call).snapshot()));
    }

    /** {@code POST /flink_jobs/{job_id}/cancel} (inferred). */
    public Response cancel(Call call) {
        auth.clientId(call);
        StreamkapJob job = job(call);
        deployer.cancel(job);
        return FastApi.json(200, views.job(job.snapshot()));
    }

    /** {@code POST /flink_jobs/{job_id}/stop} (inferred): stop with a savepoint. */
    public Response stop(Call call) {
        auth.clientId(call);
        StreamkapJob job = job(call);
        deployer.stop(job);
        return FastApi.json(200, views.job(job.snapshot()));
    }

    /** {@code DELETE /flink_jobs/{job_id}} (inferred): answers the job as it was left. */
    public Response delete(Call call) throws Exception {
        auth.clientId(call);
        StreamkapJob job = job(call);
        deployer.delete(job);
        return FastApi.json(200, views.job(job.snapshot()));
    }

    private Response deploy(Form form, Violations violations, String clientId, StreamkapJob.Type type,
                            Form.Upload upload, String name, String entryClass) throws Exception {
        Integer parallelism = form.integer("parallelism", 1, 1, MAX_PARALLELISM);
        Optional<JsonNode> jobArgs = form.jsonObject("job_args");
        violations.throwIfAny();
        StreamkapJob job = deployer.deploy(new DeployRequest(type, name, entryClass, parallelism, jobArgs.get(),
                upload.fileName(), upload.content().getFileSize(), upload.content()::write), clientId);
        return FastApi.json(200, views.job(job.snapshot()));
    }

    /** Every route with a job id has it as its second path segment: {@code /flink_jobs/{job_id}[/...]}. */
    private StreamkapJob job(Call call) {
        return jobs.require(StarletteRouter.segments(call)[2]);
    }

    private static Set<String> statusSet(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::strip).map(s -> s.toUpperCase(Locale.ROOT))
                .collect(Collectors.toSet());
    }
}
