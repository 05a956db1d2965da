package io.jobemu.jobserver.behaviours;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The job classes the emulated server can load, by main class: those tests declared through the control API win
 * over the built-in examples. A main class found in neither is, as on a real server, not found.
 */
public final class BehaviourRegistry {

    private final Map<String, JobProgram> builtIns;
    private final Map<String, JobBehaviour> declared = new ConcurrentHashMap<>();

    /** @param sparkAction how long a small Spark action of a built-in job takes (a word count, say) */
    public BehaviourRegistry(Duration sparkAction) {
        this.builtIns = BuiltInJobs.all(sparkAction);
    }

    public Optional<JobProgram> find(String mainClass) {
        JobProgram program = declared.get(mainClass);
        return Optional.ofNullable(program != null ? program : builtIns.get(mainClass));
    }

    public void set(String mainClass, JobBehaviour behaviour) {
        declared.put(mainClass, behaviour);
    }

    public boolean remove(String mainClass) {
        return declared.remove(mainClass) != null;
    }

    /** The behaviours tests declared, by main class. */
    public Map<String, JobBehaviour> declared() {
        return new TreeMap<>(declared);
    }

    public void reset() {
        declared.clear();
    }
}
