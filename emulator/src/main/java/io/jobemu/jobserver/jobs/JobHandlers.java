package io.jobemu.jobserver.jobs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobemu.core.http.ApiError;
import io.jobemu.core.http.Call;
import io.jobemu.core.http.Json;
import io.jobemu.core.http.Response;
import io.jobemu.jobserver.ActorPaths;
import io.jobemu.jobserver.ClockWait;
import io.jobemu.jobserver.ErrorData;
import io.jobemu.jobserver.JobServer;
import io.jobemu.jobserver.JobserverParams;
import io.jobemu.jobserver.JobserverPaths;
import io.jobemu.jobserver.JobserverReplies;
import io.jobemu.jobserver.ServerConfig;
import io.jobemu.jobserver.runtime.JobSnapshot;
import io.jobemu.jobserver.runtime.JobState;
import io.jobemu.jobserver.runtime.Supervisor;
import io.jobemu.jobserver.runtime.Supervisor.StartOutcome;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** {@code /jobs}: submit, list, get, config and kill jobs. */
public final class JobHandlers {

    private static final int DEFAULT_LIMIT = 50;
    /** {@code akka.http.server.request-timeout}: no request is held open longer. */
    private static final int REQUEST_TIMEOUT_SECONDS = 40;
    private static final List<String> ASK_TIMEOUT_FRAMES = List.of(
            "akka.pattern.PromiseActorRef$.$anonfun$defaultOnTimeout$1(AskSupport.scala:675)",
            "akka.pattern.PromiseActorRef$.$anonfun$apply$1(AskSupport.scala:696)",
            "akka.actor.Scheduler$$anon$4.run(Scheduler.scala:202)",
            "scala.concurrent.Future$InternalCallbackExecutor$.unbatchedExecute(Future.scala:875)");

    private final JobServer server;

    public JobHandlers(JobServer server) {
        this.server = server;
    }

    /** Newest first, at most {@code limit}; {@code status} (any case) keeps the jobs in that stored state. */
    public Response list(Call call) {
        int limit = JobserverParams.optionalInt(call, "limit").orElse(DEFAULT_LIMIT);
        Optional<String> status = call.query("status").map(s -> s.toUpperCase(Locale.ROOT));
        ArrayNode reports = Json.array();
        server.supervisor().jobs().stream()
                .filter(job -> status.isEmpty() || job.state().name().equals(status.get()))
                .limit(Math.max(0, limit))
                .forEach(job -> reports.add(JobViews.report(job)));
        return JobserverReplies.json(200, reports);
    }

    public Response get(Call call) {
        JobSnapshot job = job(call);
        return JobserverReplies.json(200, job.state() == JobState.FINISHED ? JobViews.reportWithResult(job)
                : JobViews.report(job));
    }

    /** The config as posted, rendered by Typesafe Config; none is kept for a synchronous submission. */
    public Response config(Call call) {
        String id = JobserverPaths.segment(call);
        JobSnapshot job = server.supervisor().job(id).filter(j -> j.postedConfig() != null)
                .orElseThrow(() -> noSuchJob(id));
        return JobserverReplies.relabelledText(200, ServerConfig.render(job.postedConfig()));
    }

    /** Kills a running job; otherwise reports how it ended (a failed job's error under the key "ERROR"). */
    public Response kill(Call call) {
        String id = JobserverPaths.segment(call);
        Supervisor.KillOutcome outcome = server.supervisor().kill(id);
        if (outcome instanceof Supervisor.KillOutcome.NoSuchJob) {
            throw noSuchJob(id);
        }
        if (outcome instanceof Supervisor.KillOutcome.Killed) {
            return JobserverReplies.json(200, Json.object().put("status", "KILLED"));
        }
        if (outcome instanceof Supervisor.KillOutcome.AlreadyFailed failed) {
            ObjectNode body = Json.object().put("status", "ERROR");
            body.set("ERROR", failed.error().toJson());
            return JobserverReplies.json(200, body);
        }
        if (outcome instanceof Supervisor.KillOutcome.NotRunning) {
            throw JobserverReplies.error(404, "No running job with ID " + id);
        }
        throw JobserverReplies.error(500, "Received an unexpected message");
    }

    /** Starts a job: 202 with its report once it runs, or, with {@code sync=true}, 200 with its result. */
    public Response submit(Call call) throws IOException {
        JobSubmission submission = JobSubmission.read(call, server);
        StartOutcome outcome = server.supervisor().startJob(submission.request());
        if (outcome instanceof StartOutcome.Started started) {
            return submission.sync() ? awaitResult(submission, started)
                    : JobserverReplies.json(202, JobViews.startedReport(started.job()));
        }
        if (outcome instanceof StartOutcome.ErroredOut erroredOut) {
            // the job's error is the first event either kind of submission hears of it
            return endedReply(erroredOut.job());
        }
        throw refusal(submission, outcome);
    }

    private RuntimeException refusal(JobSubmission submission, StartOutcome outcome) {
        if (outcome instanceof StartOutcome.ValidationFailed failed) {
            return JobserverReplies.exception(400, "VALIDATION FAILED", failed.error());
        }
        if (outcome instanceof StartOutcome.ContextNotFound) {
            return JobserverReplies.error(404, "context " + submission.request().contextName() + " not found");
        }
        if (outcome instanceof StartOutcome.AdHocInitFailed failed) {
            return JobserverReplies.internal(failed.error().wrappedIn("java.lang.RuntimeException"));
        }
        if (outcome instanceof StartOutcome.StopInProgress) {
            return JobserverReplies.error(409, "Context stop in progress");
        }
        if (outcome instanceof StartOutcome.LoadingFailed failed) {
            return JobserverReplies.exception(400, failed.malformedUrl() ? "JOB LOADING FAILED: Malformed URL"
                    : "JOB LOADING FAILED", failed.error());
        }
        if (outcome instanceof StartOutcome.NoSuchClass) {
            return JobserverReplies.error(404, "classPath " + submission.providedMainClass() + " not found");
        }
        if (outcome instanceof StartOutcome.WrongJobType) {
            return JobserverReplies.error(400, "Invalid job type for this context");
        }
        StartOutcome.NoSlots full = (StartOutcome.NoSlots) outcome;
        return new ApiError(JobserverReplies.json(503, Json.object()
                .put("status", "NO SLOTS AVAILABLE")
                .put("result", "Too many running jobs (" + full.max() + ") for job context '"
                        + submission.contextLabel() + "'")));
    }

    /**
     * Answers when the job ends, at most {@code timeout} seconds later (and never past the request timeout); a job
     * still running then keeps running, and the request fails as the real server's ask does. No thread waits.
     */
    private Response awaitResult(JobSubmission submission, StartOutcome.Started started) {
        int seconds = Math.min(submission.timeoutSeconds(), REQUEST_TIMEOUT_SECONDS);
        return Response.later(ClockWait.within(server.context().clock(), started.completion(),
                Duration.ofSeconds(seconds)).thenApply(ended -> ended ? endedReply(started.completion().join())
                        : timedOut(submission, started, seconds).response()));
    }

    private ApiError timedOut(JobSubmission submission, StartOutcome.Started started, int seconds) {
        if (submission.timeoutSeconds() >= REQUEST_TIMEOUT_SECONDS) {
            return JobserverReplies.error(500, "Request timed out. Try using the /jobs/<jobID>, /jobs APIs to "
                    + "get status/results");
        }
        return JobserverReplies.internal(ErrorData.of("akka.pattern.AskTimeoutException", "Ask timed out on ["
                + ActorPaths.jobManager(started.job().contextId()) + "] after [" + seconds * 1000L
                + " ms]. Message of type [spark.jobserver.JobManagerActor$StartJob]. A typical reason for "
                + "`AskTimeoutException` is that the recipient actor didn't send a reply.", ASK_TIMEOUT_FRAMES));
    }

    /** {@code {"jobId","result"}} of a finished job, or {@code {"jobId","status":"ERROR","result":{error}}}. */
    private static Response endedReply(JobSnapshot job) {
        ObjectNode body = Json.object().put("jobId", job.id());
        if (job.state() == JobState.FINISHED) {
            body.set("result", job.result());
        } else {
            body.put("status", "ERROR");
            body.set("result", job.error().toJson());
        }
        return JobserverReplies.json(200, body);
    }

    private JobSnapshot job(Call call) {
        String id = JobserverPaths.segment(call);
        return server.supervisor().job(id).orElseThrow(() -> noSuchJob(id));
    }

    private static RuntimeException noSuchJob(String id) {
        return JobserverReplies.error(404, "No such job ID " + id);
    }
}
