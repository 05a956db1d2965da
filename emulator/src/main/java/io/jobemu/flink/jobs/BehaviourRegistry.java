package io.jobemu.flink.jobs;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each job will do, as tests declared it: for jar runs per jar id (most specific) or per entry class, for
 * submitted job graphs per job name. Jar-run jobs with no entry run until cancelled, like a real streaming job.
 */
public final class BehaviourRegistry {

    private final Map<String, JobBehaviour> byJar = new ConcurrentHashMap<>();
    private final Map<String, JobBehaviour> byEntryClass = new ConcurrentHashMap<>();
    private final Map<String, JobBehaviour> byJobName = new ConcurrentHashMap<>();

    public void setForJar(String jarId, JobBehaviour behaviour) {
        byJar.put(jarId, behaviour);
    }

    public void setForEntryClass(String entryClass, JobBehaviour behaviour) {
        byEntryClass.put(entryClass, behaviour);
    }

    public void setForJobName(String jobName, JobBehaviour behaviour) {
        byJobName.put(jobName, behaviour);
    }

    public boolean removeForJobName(String jobName) {
        return byJobName.remove(jobName) != null;
    }

    /** The behaviour a test declared for submitted jobs of this name, if any. */
    public Optional<JobBehaviour> forJobName(String jobName) {
        return Optional.ofNullable(jobName == null ? null : byJobName.get(jobName));
    }

    public boolean removeForJar(String jarId) {
        return byJar.remove(jarId) != null;
    }

    public boolean removeForEntryClass(String entryClass) {
        return byEntryClass.remove(entryClass) != null;
    }

    public JobBehaviour resolve(String jarId, String entryClass) {
        JobBehaviour forJar = byJar.get(jarId);
        if (forJar != null) {
            return forJar;
        }
        return entryClass == null ? JobBehaviour.DEFAULT : byEntryClass.getOrDefault(entryClass, JobBehaviour.DEFAULT);
    }

    public Map<String, JobBehaviour> jars() {
        return new TreeMap<>(byJar);
    }

    public Map<String, JobBehaviour> entryClasses() {
        return new TreeMap<>(byEntryClass);
    }

    public Map<String, JobBehaviour> jobNames() {
        return new TreeMap<>(byJobName);
    }

    public void reset() {
        byJobName.clear();
        byJar.clear();
        byEntryClass.clear();
    }
}
