package io.jobemu.junit;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobemu.flink.jobs.JobStatus;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The emulated Flink of a namespace: job behaviours, jars, job states, and waiting for them; the journal and faults
 * as every API handle has them ({@link ApiHandle}).
 */
public final class FlinkHandle extends ApiHandle {

    FlinkHandle(String url, ControlClient control) {
        super("flink", url, control, "Flink job", JobStatus.class);
    }

    /** What jobs whose entry class is {@code entryClass} do from now on. */
    public void setEntryClassBehaviour(String entryClass, FlinkBehaviour behaviour) {
        control.put("/flink/behaviours/entry-classes/" + ControlClient.encode(entryClass),
                behaviour.toJobBehaviour());
    }

    /** What jobs run from the uploaded jar {@code jarId} do from now on (wins over the entry class's). */
    public void setJarBehaviour(String jarId, FlinkBehaviour behaviour) {
        control.put("/flink/behaviours/jars/" + ControlClient.encode(jarId), behaviour.toJobBehaviour());
    }

    /**
     * What job graphs submitted with {@code POST /jobs} (Flink's own client, {@code flink run}) under the job name
     * {@code jobName} do from now on. Their name, vertices and checkpointing stay those of the graph.
     */
    public void setJobNameBehaviour(String jobName, FlinkBehaviour behaviour) {
        control.put("/flink/behaviours/job-names/" + ControlClient.encode(jobName), behaviour.toJobBehaviour());
    }

    /** @throws EmulatorControlException (404) when none is set */
    public void removeJobNameBehaviour(String jobName) {
        control.delete("/flink/behaviours/job-names/" + ControlClient.encode(jobName));
    }

    /** @throws EmulatorControlException (404) when none is set */
    public void removeEntryClassBehaviour(String entryClass) {
        control.delete("/flink/behaviours/entry-classes/" + ControlClient.encode(entryClass));
    }

    /** @throws EmulatorControlException (404) when none is set */
    public void removeJarBehaviour(String jarId) {
        control.delete("/flink/behaviours/jars/" + ControlClient.encode(jarId));
    }

    @Override
    public String jobState(String jobId) {
        return control.get(transitionsPath(jobId)).path("state").asText();
    }

    /**
     * Moves the job along Flink's legal transitions to {@code state} (e.g. FAILED, CANCELED) and returns it.
     *
     * @throws EmulatorControlException (409) when no legal path leads there
     */
    public String forceJobState(String jobId, String state) {
        return control.post("/flink/jobs/" + ControlClient.encode(jobId) + "/state?to="
                + ControlClient.encode(checkedJobState(state))).path("state").asText();
    }

    /**
     * Uploads a jar as a client would ({@code POST /jars/upload}, so it shows in the journal), e.g. one from
     * {@link EmulatorJars#withEntryClass}, and returns its jar id for {@code POST /jars/<id>/run}.
     */
    public String uploadJar(byte[] jar) {
        String boundary = "jobemu-" + Long.toHexString(System.nanoTime());
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"jarfile\"; filename=\"job.jar\""
                + "\r\nContent-Type: application/java-archive\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(jar);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        ControlClient.Reply reply = ControlClient.send("POST", url() + "/jars/upload", body.toByteArray(),
                "multipart/form-data; boundary=" + boundary);
        if (reply.status() != 200) {
            throw new IllegalStateException("POST " + url() + "/jars/upload answered " + reply.status() + ": "
                    + reply.body());
        }
        String file = reply.json().path("filename").asText();
        return file.substring(file.lastIndexOf('/') + 1);
    }

    /** Every job, newest first, with its state, as Flink's {@code GET /jobs} lists them. */
    public Map<String, String> jobs() {
        Map<String, String> jobs = new LinkedHashMap<>();
        for (JsonNode job : get("/jobs").path("jobs")) {
            jobs.put(job.path("id").asText(), job.path("status").asText());
        }
        return jobs;
    }

    @Override
    Await.Look<String> lookAtJob(String jobId, String wanted) {
        return lookAtState(transitionsPath(jobId), "job " + jobId, wanted, FlinkHandle::isTerminal);
    }

    static boolean isTerminal(String state) {
        return JobStatus.valueOf(state).isGloballyTerminal();
    }

    private static String transitionsPath(String jobId) {
        return "/flink/jobs/" + ControlClient.encode(jobId) + "/transitions";
    }
}
