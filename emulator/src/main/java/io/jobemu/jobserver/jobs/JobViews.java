package io.jobemu.jobserver.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.jobemu.jobserver.ScalaCollections;
import io.jobemu.jobserver.Timestamps;
import io.jobemu.jobserver.runtime.JobSnapshot;
import java.util.LinkedHashMap;
import java.util.Map;

/** The real server's job report ({@code ResultMarshalling.getJobReport}) and its variants. */
final class JobViews {

    /** The status an asynchronous submission answers with; never stored. */
    private static final String STARTED = "STARTED";

    private JobViews() {
    }

    /** The report of a job as listed: its error, if any, under "result", never its return value. */
    static ObjectNode report(JobSnapshot job) {
        return ScalaCollections.object(fields(job, false));
    }

    /** The 202 answer to an asynchronous submission: the report with status STARTED. */
    static ObjectNode startedReport(JobSnapshot job) {
        return ScalaCollections.object(fields(job, true));
    }

    /** {@code GET /jobs/{id}}: a finished job's report carries its result too. */
    static ObjectNode reportWithResult(JobSnapshot job) {
        Map<String, JsonNode> fields = fields(job, false);
        if (job.result() != null) {
            fields.put("result", job.result());
        }
        return ScalaCollections.object(fields);
    }

    private static Map<String, JsonNode> fields(JobSnapshot job, boolean started) {
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        fields.put("jobId", TextNode.valueOf(job.id()));
        fields.put("startTime", TextNode.valueOf(Timestamps.serverZone(job.startTime())));
        fields.put("classPath", TextNode.valueOf(job.mainClass()));
        fields.put("context", TextNode.valueOf(job.contextName()));
        fields.put("contextId", TextNode.valueOf(job.contextId()));
        fields.put("duration", TextNode.valueOf(Timestamps.duration(job.startTime(), job.endTime())));
        if (job.error() != null) {
            fields.put("status", TextNode.valueOf(job.state().name()));
            fields.put("result", job.error().toJson());
        } else {
            fields.put("status", TextNode.valueOf(started ? STARTED : job.state().name()));
        }
        return fields;
    }
}
