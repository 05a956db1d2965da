package io.jobemu.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobemu.Emulator;
import io.jobemu.contract.flows.flink.ProbeJar;
import io.jobemu.contract.http.ApiClient;
import io.jobemu.contract.http.Part;
import io.jobemu.contract.http.Request;
import io.jobemu.contract.report.Outcome;
import io.jobemu.contract.report.Report;
import io.jobemu.contract.support.Emulators;
import io.jobemu.core.journal.JournalEntry;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A read-only run sends nothing but reads (the emulator's journal shows every request it got), reads an existing
 * job as deeply as it can, and says why the rest was not exercised.
 */
class ReadOnlyRunTest {

    private Emulator emulator;

    @BeforeEach
    void startWithARunningJob() throws Exception {
        emulator = Emulators.instant();
        ApiClient client = new ApiClient(URI.create(emulator.flinkUrl()), Duration.ofSeconds(10));
        String fileName = client.send(new Request("POST", "/jars/upload", Map.of(), null, List.of(Part.file("jarfile",
                "job.jar", "application/java-archive", ProbeJar.build())))).response().json().path("filename").asText();
        String jarId = fileName.substring(fileName.lastIndexOf('/') + 1);
        assertThat(client.send(Request.of("POST", "/jars/" + jarId + "/run")).response().status()).isEqualTo(200);
        emulator.journal().clear();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void aReadOnlyRunOnlyReads() throws Exception {
        Report report = ContractRun.run(ContractOptions.builder(Api.FLINK, emulator.flinkUrl()).allowWrites(false)
                .build()).report();

        List<JournalEntry> sent = emulator.journal().find(entry -> true);
        assertThat(sent).isNotEmpty().extracting(JournalEntry::method).containsOnly("GET");
        assertThat(report.hasFailures()).isFalse();
        assertThat(report.writes()).isFalse();
        assertThat(report.result("getJobDetails").outcome()).isEqualTo(Outcome.PASSED);
        assertThat(report.result("getSubtaskAttemptDetails").outcome()).isEqualTo(Outcome.PASSED);
        assertThat(report.result("runJar").outcome()).isEqualTo(Outcome.NOT_EXERCISED);
        assertThat(report.result("runJar").notExercisedReason()).contains("read-only");
        assertThat(report.result("cancelJobWithGet").notExercisedReason()).contains("read-only");
    }

    @Test
    void writesAreOffByDefaultForAnyHostButLoopback() {
        assertThat(ContractOptions.builder(Api.FLINK, "http://flink.staging.example.com:8081").build().writes())
                .isFalse();
        assertThat(ContractOptions.builder(Api.FLINK, "http://10.1.2.3:8081").build().writes()).isFalse();
        assertThat(ContractOptions.builder(Api.FLINK, "http://127.0.0.1:8081").build().writes()).isTrue();
        assertThat(ContractOptions.builder(Api.FLINK, "http://localhost:8081").build().writes()).isTrue();
        assertThat(ContractOptions.builder(Api.FLINK, "http://[::1]:8081").build().writes()).isTrue();
        assertThat(ContractOptions.builder(Api.FLINK, "http://flink.staging.example.com:8081").allowWrites(true)
                .build().writes()).isTrue();
        assertThat(ContractOptions.builder(Api.FLINK, "http://127.0.0.1:8081").allowWrites(false).build().writes())
                .isFalse();
    }
}
