package io.jobemu.contract.flows;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.jobemu.contract.flows.flink.ProbeJar;
import io.jobemu.contract.spec.Parameter;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import org.junit.jupiter.api.Test;

class FlowPartsTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Test
    void theProbeJarNamesItsEntryClassAndHoldsTheJobAndItsFunctions() throws Exception {
        try (JarInputStream jar = new JarInputStream(new ByteArrayInputStream(ProbeJar.build()))) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class")).isEqualTo(ProbeJar.ENTRY_CLASS);
            List<String> entries = new ArrayList<>();
            for (JarEntry entry = jar.getNextJarEntry(); entry != null; entry = jar.getNextJarEntry()) {
                entries.add(entry.getName());
            }
            assertThat(entries).containsExactly("io/jobemu/contract/flinkjob/ProbeJob.class",
                    "io/jobemu/contract/flinkjob/ProbeJob$Throttle.class",
                    "io/jobemu/contract/flinkjob/ProbeJob$Bucket.class",
                    "io/jobemu/contract/flinkjob/ProbeJob$Count.class");
        }
    }

    @Test
    void theProbeJobRunsOnJava11() throws Exception {
        try (JarInputStream jar = new JarInputStream(new ByteArrayInputStream(ProbeJar.build()))) {
            jar.getNextJarEntry();
            byte[] header = jar.readNBytes(8);
            assertThat(header[7]).as("class file major version").isEqualTo((byte) 55);
        }
    }

    @Test
    void sweepValuesFollowTheParameterSchema() {
        Parameter hex = new Parameter("jobid", "path", true, NODES.objectNode().put("type", "string")
                .put("pattern", "^[0-9a-f]{32}$"));
        Parameter number = new Parameter("subtaskindex", "path", true, NODES.objectNode().put("type", "integer"));
        Parameter free = new Parameter("jarid", "path", true, NODES.objectNode().put("type", "string"));
        assertThat(ParameterSweep.malformedValue(hex)).contains("not-an-id");
        assertThat(ParameterSweep.unknownValue(hex)).isEqualTo("0".repeat(32));
        assertThat(ParameterSweep.malformedValue(number)).contains("abc");
        assertThat(ParameterSweep.unknownValue(number)).isEqualTo("999999");
        assertThat(ParameterSweep.malformedValue(free)).isEmpty();
        assertThat(ParameterSweep.unknownValue(free)).isEqualTo("0".repeat(32));
    }
}
