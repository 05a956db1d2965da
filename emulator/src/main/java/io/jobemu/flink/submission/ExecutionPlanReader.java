package io.jobemu.flink.submission;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.jobemu.core.serialized.JdkValues;
import io.jobemu.core.serialized.MalformedStreamException;
import io.jobemu.core.serialized.SerialArray;
import io.jobemu.core.serialized.SerialEnum;
import io.jobemu.core.serialized.SerialObject;
import io.jobemu.core.serialized.SerializedStream;
import io.jobemu.flink.jobs.JobVertex;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Reads the job out of a serialized Flink execution plan, as {@code ObjectOutputStream} wrote it in
 * {@code RestClusterClient.submitJob}: a {@code JobGraph} (built by the client) or a {@code StreamGraph} (what
 * {@code flink run} and remote environments submit since 2.0, turned into a JobGraph by the JobManager). The
 * bytes are parsed as data by {@link SerializedStream}; no class is loaded.
 */
public final class ExecutionPlanReader {

    static final String JOB_GRAPH = "org.apache.flink.runtime.jobgraph.JobGraph";
    static final String STREAM_GRAPH = "org.apache.flink.streaming.api.graph.StreamGraph";

    private static final String CHECKPOINT_INTERVAL = "execution.checkpointing.interval";
    private static final String DEFAULT_PARALLELISM = "parallelism.default";
    private static final String OPERATOR_CHAINING = "pipeline.operator-chaining.enabled";
    /** Flink's checkpoint interval for "periodic checkpoints off". */
    private static final long CHECKPOINTS_DISABLED = Long.MAX_VALUE;
    /** A sequence this long takes hours on a real cluster: it counts as never ending. */
    private static final long LONGEST_FINISHING_SEQUENCE = 1_000_000_000L;
    private static final int SEARCH_DEPTH = 64;

    private ExecutionPlanReader() {
    }

    /**
     * The plan's job; {@link MalformedStreamException} when the bytes are not a serialized JobGraph or StreamGraph.
     * The plan and the streams nested in it are all read on one parser stack.
     */
    public static SubmittedPlan read(byte[] serializedPlan, int clusterParallelism) throws MalformedStreamException {
        return SerializedStream.onParserStack(() -> readHere(serializedPlan, clusterParallelism));
    }

    private static SubmittedPlan readHere(byte[] serializedPlan, int clusterParallelism)
            throws MalformedStreamException {
        Object plan = SerializedStream.parseFirstObject(serializedPlan);
        if (plan instanceof SerialObject graph && graph.isA(JOB_GRAPH)) {
            return fromJobGraph(graph, clusterParallelism);
        }
        if (plan instanceof SerialObject graph && graph.isA(STREAM_GRAPH)) {
            return fromStreamGraph(graph, clusterParallelism);
        }
        throw new MalformedStreamException("the stream holds no JobGraph or StreamGraph but "
                + (plan instanceof SerialObject object ? object.className() : String.valueOf(plan)));
    }

    private static SubmittedPlan fromJobGraph(SerialObject graph, int clusterParallelism)
            throws MalformedStreamException {
        List<SerialObject> vertices = topologicalOrder(JdkValues.entries(graph.field("taskVertices").orElse(null))
                .values().stream().filter(SerialObject.class::isInstance).map(SerialObject.class::cast).toList());
        if (vertices.isEmpty()) {
            throw new MalformedStreamException("the JobGraph has no vertices");
        }
        List<JobVertex> jobVertices = new ArrayList<>();
        boolean bounded = true;
        for (SerialObject vertex : vertices) {
            jobVertices.add(new JobVertex(abstractId(vertex.object("id").orElse(null)),
                    vertex.string("name").orElse("(unnamed vertex)"),
                    effectiveParallelism(vertex.intValue("parallelism").orElse(-1), clusterParallelism),
                    effectiveMaxParallelism(vertex.intValue("maxParallelism").orElse(-1)),
                    slotSharingGroupId(vertex)));
            if (JdkValues.elements(vertex.field("inputs").orElse(null)).isEmpty()) {
                bounded &= isBoundedSource(configuration(vertex.field("configuration").orElse(null))
                        .get("serializedUDF"));
            }
        }
        Duration interval = graph.object("snapshotSettings")
                .flatMap(settings -> settings.object("checkpointCoordinatorConfiguration"))
                .flatMap(config -> config.longValue("checkpointInterval"))
                .filter(millis -> millis > 0 && millis != CHECKPOINTS_DISABLED)
                .map(Duration::ofMillis).orElse(null);
        return plan(graph, jobVertices, interval, bounded);
    }

    private static SubmittedPlan fromStreamGraph(SerialObject graph, int clusterParallelism)
            throws MalformedStreamException {
        SerialObject holder = graph.object("userDefinedObjectsHolder")
                .orElseThrow(() -> new MalformedStreamException("the StreamGraph's operators were not serialized"));
        Map<Object, Object> nodes = JdkValues.entries(nested(holder.object("serializedStreamNodes").orElse(null)));
        Map<Integer, SerialObject> factories = new LinkedHashMap<>();
        for (SerialObject pair : JdkValues.objects(holder.field("streamNodeToSerializedOperatorFactories")
                .orElse(null))) {
            Object nodeId = JdkValues.unboxed(pair.field("f0").orElse(null));
            if (nodeId instanceof Integer id && nested(pair.object("f1").orElse(null)) instanceof SerialObject f) {
                factories.put(id, f);
            }
        }
        Map<Integer, SerialObject> streamNodes = new LinkedHashMap<>();
        nodes.forEach((id, node) -> {
            if (id instanceof Integer key && node instanceof SerialObject streamNode) {
                streamNodes.put(key, streamNode);
            }
        });
        if (streamNodes.isEmpty()) {
            throw new MalformedStreamException("the StreamGraph has no stream nodes");
        }
        Map<String, Object> jobConfiguration = configuration(graph.field("jobConfiguration").orElse(null));
        Map<String, Object> checkpointConfiguration = graph.object("checkpointConfig")
                .map(config -> configuration(config.field("configuration").orElse(null))).orElse(Map.of());
        boolean chaining = !Boolean.FALSE.equals(jobConfiguration.get(OPERATOR_CHAINING))
                && !"false".equals(jobConfiguration.get(OPERATOR_CHAINING));
        List<OperatorChain> chains = new StreamGraphChains(streamNodes, factories, chaining).chains();
        List<JobVertex> vertices = new ArrayList<>();
        for (int i = 0; i < chains.size(); i++) {
            OperatorChain chain = chains.get(i);
            String id = UUID.nameUUIDFromBytes((i + "/" + chain.name()).getBytes(UTF_8)).toString().replace("-", "");
            vertices.add(new JobVertex(id, chain.name(), effectiveParallelism(chain.parallelism(),
                    clusterParallelism), effectiveMaxParallelism(chain.maxParallelism()),
                    slotSharingGroupName(chain.slotSharingGroup())));
        }
        boolean bounded = JdkValues.elements(graph.field("sources").orElse(null)).stream()
                .map(JdkValues::unboxed).allMatch(source -> isBoundedSource(factories.get(source)));
        Duration interval = Optional.ofNullable(checkpointConfiguration.get(CHECKPOINT_INTERVAL))
                .or(() -> Optional.ofNullable(jobConfiguration.get(CHECKPOINT_INTERVAL)))
                .flatMap(ExecutionPlanReader::duration).filter(d -> !d.isZero() && !d.isNegative()).orElse(null);
        return plan(graph, vertices, interval, bounded);
    }

    private static SubmittedPlan plan(SerialObject graph, List<JobVertex> vertices, Duration interval,
                                      boolean bounded) throws MalformedStreamException {
        String jobType = graph.enumConstant("jobType").orElse("STREAMING");
        Object parallelism = configuration(graph.field("jobConfiguration").orElse(null)).get(DEFAULT_PARALLELISM);
        SerialObject restore = graph.object("savepointRestoreSettings").orElse(null);
        String jobId = graph.object("jobID").or(() -> graph.object("jobId")).map(ExecutionPlanReader::abstractIdOrNull)
                .orElse(null);
        return new SubmittedPlan(jobId, graph.string("jobName").orElse(null), jobType, vertices,
                parallelism instanceof Integer p ? p : -1, interval,
                restore == null ? null : restore.string("restorePath").orElse(null),
                restore != null && restore.booleanValue("allowNonRestoredState").orElse(false),
                bounded || jobType.equals("BATCH"));
    }

    /** Flink's {@code Configuration}: its {@code confData} map with keys as strings and values unboxed. */
    static Map<String, Object> configuration(Object configuration) {
        if (!(configuration instanceof SerialObject config)) {
            return Map.of();
        }
        Map<String, Object> values = new LinkedHashMap<>();
        JdkValues.entries(config.field("confData").orElse(null)).forEach((key, value) -> {
            if (key instanceof String name) {
                values.put(name, JdkValues.unboxed(value));
            }
        });
        return values;
    }

    /** What a {@code SerializedValue} (or a raw byte array) holds: a stream of its own. */
    static Object nested(Object value) {
        Object bytes = value instanceof SerialObject serializedValue && serializedValue.className()
                .equals("org.apache.flink.util.SerializedValue") ? serializedValue.field("serializedData").orElse(null)
                : value;
        if (!(bytes instanceof SerialArray array) || array.bytes() == null) {
            return null;
        }
        try {
            return SerializedStream.parseFirstObject(array.bytes());
        } catch (MalformedStreamException e) {
            // user code the client serialized in a form this reader does not know: the job is still valid
            return null;
        }
    }

    private static Optional<Duration> duration(Object value) {
        if (value instanceof String text) {
            try {
                return Optional.of(Duration.ofMillis(Long.parseLong(text.trim())));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return JdkValues.duration(value);
    }

    /**
     * Whether the source operator in a (possibly still serialized) operator factory ends by itself: FLIP-27
     * sources declare their {@code Boundedness}; the library's sequence, generator and file sources are bounded
     * by their settings. Anything else (legacy source functions, unknown connectors) runs until cancelled.
     */
    static boolean isBoundedSource(Object factoryOrBytes) {
        Object factory = factoryOrBytes instanceof SerialArray ? nested(factoryOrBytes) : factoryOrBytes;
        if (!(factory instanceof SerialObject operatorFactory)) {
            return false;
        }
        Optional<SerialObject> source = operatorFactory.object("source");
        return source.isPresent() && sourceBoundedness(source.get(), 0, Collections.newSetFromMap(
                new IdentityHashMap<>())).orElse(false);
    }

    private static Optional<Boolean> sourceBoundedness(SerialObject source, int depth, Set<Object> visited) {
        if (depth > SEARCH_DEPTH || !visited.add(source)) {
            return Optional.empty();
        }
        if (source.className().equals("org.apache.flink.api.connector.source.lib.NumberSequenceSource")) {
            long from = source.longValue("from").orElse(0L);
            long to = source.longValue("to").orElse(Long.MAX_VALUE);
            return Optional.of(to - from >= 0 && to - from < LONGEST_FINISHING_SEQUENCE);
        }
        if (source.isA("org.apache.flink.connector.file.src.AbstractFileSource")) {
            return Optional.of(source.field("continuousEnumerationSettings").orElse(null) == null);
        }
        for (SerialObject.ClassData data : source.hierarchy()) {
            for (Object value : data.fields().values()) {
                if (value instanceof SerialEnum constant
                        && constant.className().equals("org.apache.flink.api.connector.source.Boundedness")) {
                    return Optional.of(constant.constant().equals("BOUNDED"));
                }
            }
        }
        for (SerialObject.ClassData data : source.hierarchy()) {
            for (Object value : data.fields().values()) {
                if (value instanceof SerialObject inner) {
                    Optional<Boolean> found = sourceBoundedness(inner, depth + 1, visited);
                    if (found.isPresent()) {
                        return found;
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** Sources first: each vertex after every vertex it reads from (the graph's map keeps no such order). */
    private static List<SerialObject> topologicalOrder(List<SerialObject> vertices) {
        Set<SerialObject> ordered = new LinkedHashSet<>();
        Set<SerialObject> known = Collections.newSetFromMap(new IdentityHashMap<>());
        known.addAll(vertices);
        for (SerialObject vertex : vertices) {
            visit(vertex, ordered, known, Collections.newSetFromMap(new IdentityHashMap<>()));
        }
        return new ArrayList<>(ordered);
    }

    private static void visit(SerialObject vertex, Set<SerialObject> ordered, Set<SerialObject> known,
                              Set<SerialObject> onPath) {
        if (ordered.contains(vertex) || !onPath.add(vertex)) {
            return;
        }
        for (SerialObject edge : JdkValues.objects(vertex.field("inputs").orElse(null))) {
            edge.object("source").flatMap(dataSet -> dataSet.object("producer")).filter(known::contains)
                    .ifPresent(producer -> visit(producer, ordered, known, onPath));
        }
        ordered.add(vertex);
    }

    private static String slotSharingGroupId(SerialObject vertex) {
        return vertex.object("slotSharingGroup").flatMap(group -> group.object("slotSharingGroupId"))
                .map(ExecutionPlanReader::abstractIdOrNull)
                .orElseGet(() -> slotSharingGroupName("default"));
    }

    /** A stable id for a slot sharing group known by name only (the JobManager makes one per name). */
    private static String slotSharingGroupName(String name) {
        return UUID.nameUUIDFromBytes(("slot-sharing-group/" + name).getBytes(UTF_8)).toString().replace("-", "");
    }

    private static int effectiveParallelism(int parallelism, int clusterParallelism) {
        return parallelism > 0 ? parallelism : clusterParallelism;
    }

    private static int effectiveMaxParallelism(int maxParallelism) {
        return maxParallelism > 0 ? maxParallelism : JobVertex.DEFAULT_MAX_PARALLELISM;
    }

    /** Flink's AbstractID (JobID, JobVertexID...) as it prints: lower then upper part, 32 hex digits. */
    private static String abstractId(SerialObject id) throws MalformedStreamException {
        String hex = abstractIdOrNull(id);
        if (hex == null) {
            throw new MalformedStreamException("an id without its parts");
        }
        return hex;
    }

    private static String abstractIdOrNull(SerialObject id) {
        if (id == null) {
            return null;
        }
        Optional<Long> upper = id.longValue("upperPart");
        Optional<Long> lower = id.longValue("lowerPart");
        if (upper.isEmpty() || lower.isEmpty()) {
            return null;
        }
        return HexFormat.of().toHexDigits(lower.get()) + HexFormat.of().toHexDigits(upper.get());
    }
}
