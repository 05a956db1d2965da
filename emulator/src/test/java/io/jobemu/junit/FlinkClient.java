package io.jobemu.junit;

import io.jobemu.testing.HttpResult;
import io.jobemu.testing.TestHttp;

/** The few Flink calls these tests make as "the client under test", against a handle's (namespaced) URL. */
final class FlinkClient {

    private final TestHttp http;

    FlinkClient(EmulatorHandle emulator) {
        this.http = new TestHttp(emulator.flinkUrl());
    }

    String uploadJar(String entryClass) {
        HttpResult upload = http.upload("/jars/upload", "jarfile", "job.jar", EmulatorJars.withEntryClass(entryClass));
        String filename = upload.json().path("filename").asText();
        return filename.substring(filename.lastIndexOf('/') + 1);
    }

    /** Uploads a jar and runs it; returns the job id. */
    String runJob(String entryClass) {
        HttpResult run = http.post("/jars/" + uploadJar(entryClass) + "/run", "{}");
        if (run.status() != 200) {
            throw new AssertionError("run answered " + run.status() + ": " + run.body());
        }
        return run.json().path("jobid").asText();
    }

    int status(String jobId) {
        return http.get("/jobs/" + jobId + "/status").status();
    }

    void cancel(String jobId) {
        http.patch("/jobs/" + jobId + "?mode=cancel");
    }

    TestHttp http() {
        return http;
    }
}
