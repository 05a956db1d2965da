package io.jobemu.flink.operations;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.jobemu.core.http.Call;
import io.jobemu.core.http.Json;
import io.jobemu.core.http.Response;
import io.jobemu.flink.FlinkCluster;
import io.jobemu.flink.FlinkErrors;
import io.jobemu.flink.FlinkParams;
import io.jobemu.flink.HexId;
import io.jobemu.flink.jobs.FlinkJob;
import io.jobemu.flink.jobs.OperationListener;
import io.jobemu.flink.jobs.SavepointFollowUp;
import io.jobemu.flink.operations.AsyncOperations.Kind;
import io.jobemu.flink.operations.AsyncOperations.Operation;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Trigger and status endpoints of Flink's asynchronous operations: savepoint, stop-with-savepoint, checkpoint,
 * rescaling (disabled in Flink), savepoint disposal and cluster data set deletion.
 */
public final class OperationHandlers {

    private final FlinkCluster cluster;

    public OperationHandlers(FlinkCluster cluster) {
        this.cluster = cluster;
    }

    /** {@code POST /jobs/{jobid}/savepoints}: always 202; an unknown or finished job fails in the status. */
    public Response triggerSavepoint(Call call) throws Exception {
        SavepointTriggerRequest body = FlinkParams.body(call, SavepointTriggerRequest.class,
                "SavepointTriggerRequestBody");
        String jobId = FlinkParams.jobId(call);
        SavepointFollowUp then = Boolean.TRUE.equals(body.cancelJob()) ? SavepointFollowUp.CANCEL
                : SavepointFollowUp.KEEP_RUNNING;
        return triggerSavepoint(jobId, body.targetDirectory(), HexId.valueOrNull(body.triggerId()), then);
    }

    /** {@code POST /jobs/{jobid}/stop}: a savepoint after which the job ends FINISHED. */
    public Response stopWithSavepoint(Call call) throws Exception {
        StopWithSavepointRequest body = FlinkParams.body(call, StopWithSavepointRequest.class,
                "StopWithSavepointRequestBody");
        String jobId = FlinkParams.jobId(call);
        return triggerSavepoint(jobId, body.targetDirectory(), HexId.valueOrNull(body.triggerId()),
                SavepointFollowUp.FINISH);
    }

    /** {@code GET /jobs/{jobid}/savepoints/{triggerid}}, for savepoints and stop-with-savepoint alike. */
    public Response savepointStatus(Call call) {
        return jobOperationStatus(call, Kind.SAVEPOINT, "savepoint");
    }

    /** {@code POST /jobs/{jobid}/checkpoints}. */
    public Response triggerCheckpoint(Call call) throws Exception {
        CheckpointTriggerRequest body = FlinkParams.body(call, CheckpointTriggerRequest.class,
                "CheckpointTriggerRequestBody");
        String jobId = FlinkParams.jobId(call);
        if (body.checkpointType() == CheckpointType.INCREMENTAL) {
            throw FlinkErrors.internal("java.lang.IllegalStateException: Flink does not support triggering "
                    + "incremental checkpoint explicitly. See FLINK-33723.");
        }
        String triggerId = cluster.operations().trigger(Kind.CHECKPOINT, jobId, HexId.valueOrNull(body.triggerId()),
                operation -> withJob(jobId, operation, job -> job.triggerCheckpoint(operation)));
        return accepted(triggerId);
    }

    public Response checkpointStatus(Call call) {
        return jobOperationStatus(call, Kind.CHECKPOINT, "checkpoint");
    }

    /** Rescaling through REST has been disabled in Flink since FLINK-12312: both calls answer 503. */
    public Response rescale(Call call) {
        FlinkParams.jobId(call);
        throw rescalingDisabled();
    }

    public Response rescalingStatus(Call call) {
        FlinkParams.jobId(call);
        FlinkParams.triggerId(call);
        throw rescalingDisabled();
    }

    /** {@code POST /savepoint-disposal}: 200 (not 202) with the request id. */
    public Response disposeSavepoint(Call call) throws Exception {
        SavepointDisposalRequest body = FlinkParams.body(call, SavepointDisposalRequest.class,
                "SavepointDisposalRequest");
        if (body.savepointPath() == null) {
            throw FlinkErrors.restHandler(400, "Field savepoint-path must not be omitted or be null.");
        }
        String path = body.savepointPath();
        String triggerId = cluster.operations().trigger(Kind.SAVEPOINT_DISPOSAL, "", null, operation ->
                cluster.context().clock().schedule(cluster.timing().savepoint(), () -> {
                    if (cluster.savepoints().dispose(SavepointPaths.normalise(path))) {
                        operation.completed(0, null);
                    } else {
                        operation.failed("org.apache.flink.util.FlinkException", "Could not dispose savepoint "
                                + path + ".");
                    }
                }));
        return FlinkErrors.json(200, Json.object().put("request-id", triggerId));
    }

    public Response savepointDisposalStatus(Call call) {
        return clusterOperationStatus(call, Kind.SAVEPOINT_DISPOSAL);
    }

    /** {@code DELETE /datasets/{datasetid}}: the emulated cluster keeps no data sets, so deleting one succeeds. */
    public Response deleteDataSet(Call call) {
        FlinkParams.hexId(call, "datasetid");
        String triggerId = cluster.operations().trigger(Kind.DATASET_DELETE, "", null,
                operation -> operation.completed(0, null));
        return accepted(triggerId);
    }

    public Response dataSetDeleteStatus(Call call) {
        return clusterOperationStatus(call, Kind.DATASET_DELETE);
    }

    private Response triggerSavepoint(String jobId, String targetDirectory, String triggerId,
                                      SavepointFollowUp then) {
        String directory = SavepointPaths.normalise(
                targetDirectory != null ? targetDirectory : FlinkCluster.DEFAULT_SAVEPOINT_DIR);
        String id = cluster.operations().trigger(Kind.SAVEPOINT, jobId, triggerId, operation ->
                withJob(jobId, operation, job -> job.triggerSavepoint(
                        SavepointLocations.newLocation(directory, jobId, cluster.context().ids()), then,
                        recordingLocation(operation))));
        return accepted(id);
    }

    /** Remembers a completed savepoint's location so it can be disposed later. */
    private OperationListener recordingLocation(Operation operation) {
        return new OperationListener() {
            @Override
            public void completed(long checkpointId, String location) {
                cluster.savepoints().add(location);
                operation.completed(checkpointId, location);
            }

            @Override
            public void failed(String exceptionClass, String message) {
                operation.failed(exceptionClass, message);
            }
        };
    }

    /** Runs {@code action} on the job, or fails the operation as Flink does when the job is unknown. */
    private void withJob(String jobId, Operation operation, Consumer<FlinkJob> action) {
        Optional<FlinkJob> job = cluster.jobs().find(jobId);
        if (job.isPresent()) {
            action.accept(job.get());
        } else {
            operation.failed(FlinkErrors.COMPLETION_EXCEPTION, FlinkErrors.jobNotFound(jobId));
        }
    }

    private Response jobOperationStatus(Call call, Kind kind, String noun) {
        String jobId = FlinkParams.jobId(call);
        String triggerId = FlinkParams.triggerId(call);
        Operation operation = cluster.operations().find(kind, jobId, triggerId).orElseThrow(() ->
                FlinkErrors.restHandler(404, "There is no " + noun + " operation with triggerId=" + triggerId
                        + " for job " + jobId + "."));
        return FlinkErrors.json(200, operation.statusView());
    }

    private Response clusterOperationStatus(Call call, Kind kind) {
        String triggerId = FlinkParams.triggerId(call);
        Operation operation = cluster.operations().find(kind, "", triggerId).orElseThrow(() ->
                FlinkErrors.notFound("Operation not found under key: org.apache.flink.runtime.rest.handler.async."
                        + "OperationKey@" + operationKeyHash(triggerId)));
        return FlinkErrors.json(200, operation.statusView());
    }

    /**
     * The hash Flink's OperationKey prints with: {@code Objects.hash(triggerId)}, where a TriggerId hashes like
     * every AbstractID, as the XOR of the four 32-bit halves of its two longs.
     */
    static String operationKeyHash(String triggerId) {
        long upper = Long.parseUnsignedLong(triggerId.substring(0, 16), 16);
        long lower = Long.parseUnsignedLong(triggerId.substring(16), 16);
        int idHash = (int) lower ^ (int) (lower >>> 32) ^ (int) upper ^ (int) (upper >>> 32);
        return Integer.toHexString(31 + idHash);
    }

    private static Response accepted(String triggerId) {
        return FlinkErrors.json(202, Json.object().put("request-id", triggerId));
    }

    private static RuntimeException rescalingDisabled() {
        return FlinkErrors.restHandler(503, "Rescaling is temporarily disabled. See FLINK-12312.");
    }

    /** Flink's savepoint format option; only its validity matters here. */
    enum SavepointFormat { CANONICAL, NATIVE }

    enum CheckpointType { CONFIGURED, FULL, INCREMENTAL }

    /** Every field is nullable in Flink's request bodies: a null {@code cancel-job} or {@code drain} is false. */
    record SavepointTriggerRequest(@JsonProperty("target-directory") String targetDirectory,
                                   @JsonProperty("cancel-job") Boolean cancelJob, SavepointFormat formatType,
                                   HexId triggerId) {}

    /** {@code drain} only changes what the job does before the savepoint, which the emulator does not model. */
    record StopWithSavepointRequest(String targetDirectory, Boolean drain, SavepointFormat formatType,
                                    HexId triggerId) {}

    record CheckpointTriggerRequest(CheckpointType checkpointType, HexId triggerId) {}

    record SavepointDisposalRequest(@JsonProperty("savepoint-path") String savepointPath) {}
}
