package io.jobemu.flink.submission;

import io.jobemu.core.serialized.JdkValues;
import io.jobemu.core.serialized.SerialObject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Turns a StreamGraph's operators into job vertices the way the JobManager's job graph generator chains them:
 * an operator joins its input's chain when it has that one input, over a forward, non-batch edge, with the same
 * parallelism and slot sharing group, and both operators allow chaining. Chains are named as Flink names them
 * ({@code A -> B}, or {@code A -> (B, C)} where a chain forks).
 */
final class StreamGraphChains {

    private static final String FORWARD_PARTITIONER = "org.apache.flink.streaming.runtime.partitioner.ForwardPartitioner";
    private static final String SOURCE_FACTORY = "org.apache.flink.streaming.api.operators.SourceOperatorFactory";

    private final Map<Integer, SerialObject> nodes;
    private final Map<Integer, SerialObject> factories;
    private final boolean chainingEnabled;

    StreamGraphChains(Map<Integer, SerialObject> nodes, Map<Integer, SerialObject> factories,
                      boolean chainingEnabled) {
        this.nodes = nodes;
        this.factories = factories;
        this.chainingEnabled = chainingEnabled;
    }

    /** The chains, each after the chains it reads from where the graph allows (sources first). */
    List<OperatorChain> chains() {
        List<OperatorChain> chains = new ArrayList<>();
        Deque<Integer> heads = new ArrayDeque<>();
        nodes.keySet().stream().filter(id -> inEdges(id).isEmpty()).sorted().forEach(heads::add);
        Set<Integer> started = new HashSet<>(heads);
        while (!heads.isEmpty()) {
            int head = heads.poll();
            SerialObject node = nodes.get(head);
            List<Integer> chainHeads = new ArrayList<>();
            String name = chainName(head, chainHeads);
            chains.add(new OperatorChain(name, node.intValue("parallelism").orElse(-1),
                    node.intValue("maxParallelism").orElse(-1), node.string("slotSharingGroup").orElse("default")));
            for (int next : chainHeads) {
                if (started.add(next)) {
                    heads.add(next);
                }
            }
        }
        return chains;
    }

    /** The name of the chain starting at {@code id}; the heads of the chains it feeds go into {@code nextHeads}. */
    private String chainName(int id, List<Integer> nextHeads) {
        SerialObject node = nodes.get(id);
        List<String> chained = new ArrayList<>();
        for (SerialObject edge : outEdges(id)) {
            Integer target = edge.intValue("targetId").orElse(null);
            if (target == null || !nodes.containsKey(target)) {
                continue;
            }
            if (isChainable(edge, id, target)) {
                chained.add(chainName(target, nextHeads));
            } else {
                nextHeads.add(target);
            }
        }
        String name = node.string("operatorName").orElse("(unnamed operator)");
        if (chained.size() > 1) {
            return name + " -> (" + String.join(", ", chained) + ")";
        }
        return chained.isEmpty() ? name : name + " -> " + chained.get(0);
    }

    private boolean isChainable(SerialObject edge, int upstream, int downstream) {
        SerialObject up = nodes.get(upstream);
        SerialObject down = nodes.get(downstream);
        String partitioner = edge.object("outputPartitioner").map(SerialObject::className).orElse("");
        return chainingEnabled
                && inEdges(downstream).size() == 1
                && partitioner.equals(FORWARD_PARTITIONER)
                && !"BATCH".equals(edge.enumConstant("exchangeMode").orElse(null))
                && Objects.equals(up.intValue("parallelism"), down.intValue("parallelism"))
                && Objects.equals(up.string("slotSharingGroup"), down.string("slotSharingGroup"))
                && !"NEVER".equals(chainingStrategy(upstream))
                && switch (chainingStrategy(downstream)) {
                    case "ALWAYS" -> true;
                    case "HEAD_WITH_SOURCES" -> isSource(upstream);
                    default -> false;
                };
    }

    private String chainingStrategy(int id) {
        SerialObject factory = factories.get(id);
        return factory == null ? "ALWAYS" : factory.enumConstant("chainingStrategy").orElse("ALWAYS");
    }

    private boolean isSource(int id) {
        SerialObject factory = factories.get(id);
        return factory != null && factory.isA(SOURCE_FACTORY);
    }

    private List<SerialObject> inEdges(int id) {
        return JdkValues.objects(nodes.get(id).field("inEdges").orElse(null));
    }

    private List<SerialObject> outEdges(int id) {
        return JdkValues.objects(nodes.get(id).field("outEdges").orElse(null));
    }
}
