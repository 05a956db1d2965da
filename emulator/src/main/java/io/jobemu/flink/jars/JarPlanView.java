package io.jobemu.flink.jars;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobemu.core.http.Json;
import io.jobemu.flink.jobs.JobBehaviour;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * The {@code plan} of {@code /jars/{jarid}/plan}: the job graph a run would create, without creating a job. Its
 * shape is the one {@code JobViews.plan} renders for a job (sink first, one line per chained operator); JobViews
 * only renders plans of existing jobs, hence this view.
 */
final class JarPlanView {

    private JarPlanView() {
    }

    /**
     * Like Flink's, whose vertex ids hash the stream graph, the vertex ids depend only on the program: the same
     * request gives the same plan.
     */
    static ObjectNode plan(String jobId, String entryClass, JobBehaviour behaviour, int parallelism) {
        ObjectNode plan = Json.object()
                .put("jid", jobId)
                .put("name", behaviour.effectiveJobName())
                .put("type", "STREAMING");
        ArrayNode nodes = plan.putArray("nodes");
        List<String> vertices = behaviour.effectiveVertices();
        for (int i = vertices.size() - 1; i >= 0; i--) {
            ObjectNode node = nodes.addObject()
                    .put("id", vertexId(entryClass, i, vertices.get(i)))
                    .put("operator", "")
                    .put("parallelism", parallelism)
                    .put("operator_strategy", "")
                    .put("description", describeChain(vertices.get(i)));
            node.putObject("optimizer_properties");
            if (i > 0) {
                node.putArray("inputs").addObject()
                        .put("id", vertexId(entryClass, i - 1, vertices.get(i - 1)))
                        .put("num", 0)
                        .put("exchange", "pipelined_bounded")
                        .put("ship_strategy", "HASH");
            }
        }
        return plan;
    }

    private static String vertexId(String entryClass, int position, String name) {
        byte[] key = (entryClass + '\n' + position + '\n' + name).getBytes(StandardCharsets.UTF_8);
        return UUID.nameUUIDFromBytes(key).toString().replace("-", "");
    }

    /** "Source: a -> b -> c" is shown as "Source: a<br/>+- b<br/>   +- c<br/>". */
    private static String describeChain(String chain) {
        String[] operators = chain.split(" -> ");
        StringBuilder description = new StringBuilder(operators[0]).append("<br/>");
        for (int depth = 1; depth < operators.length; depth++) {
            description.append("   ".repeat(depth - 1)).append("+- ").append(operators[depth]).append("<br/>");
        }
        return description.toString();
    }
}
