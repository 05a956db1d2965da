package io.jobemu.streamkap.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobemu.flink.jars.JarStore;

/**
 * A validated deploy request.
 *
 * @param entryClass the jar's main class; for PyFlink the Python file's name
 * @param fileName   the uploaded file's client-side name
 * @param content    writes the uploaded file (read during the request: the upload is gone afterwards)
 * @param jobArgs    the parsed {@code job_args} object
 */
public record DeployRequest(StreamkapJob.Type type, String name, String entryClass, int parallelism,
                            JsonNode jobArgs, String fileName, long size, JarStore.UploadWriter content) {
}
