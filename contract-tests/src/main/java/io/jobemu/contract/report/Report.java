package io.jobemu.contract.report;

import io.jobemu.contract.spec.Operation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a contract run found, per operation of the spec, plus failures that belong to no operation (the target
 * could not be reached, a flow broke). Thread-safe.
 */
public final class Report {

    private final String api;
    private final String baseUrl;
    private final String spec;
    private final boolean writes;
    private final Instant started = Instant.now();
    private final Map<String, OperationResult> results = new LinkedHashMap<>();
    private final List<Failure> general = new ArrayList<>();
    private Duration elapsed = Duration.ZERO;

    public Report(String api, String baseUrl, String spec, boolean writes, Collection<Operation> operations) {
        this.api = api;
        this.baseUrl = baseUrl;
        this.spec = spec;
        this.writes = writes;
        operations.forEach(operation -> results.put(operation.id(), new OperationResult(operation)));
    }

    public String api() {
        return api;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public String spec() {
        return spec;
    }

    public boolean writes() {
        return writes;
    }

    public Instant started() {
        return started;
    }

    public synchronized Duration elapsed() {
        return elapsed;
    }

    public synchronized void finish() {
        elapsed = Duration.between(started, Instant.now());
    }

    public synchronized void passed(String operationId) {
        result(operationId).count();
    }

    /** Counts a check with failures; an empty list counts as passed. */
    public synchronized void checked(String operationId, List<Failure> failures) {
        OperationResult result = result(operationId);
        result.count();
        failures.forEach(result::fail);
    }

    public synchronized void notExercised(String operationId, String reason) {
        result(operationId).reasonNotExercised(reason);
    }

    public synchronized void generalFailure(Failure failure) {
        general.add(failure);
    }

    public synchronized List<OperationResult> results() {
        return List.copyOf(results.values());
    }

    public synchronized OperationResult result(String operationId) {
        OperationResult result = results.get(operationId);
        if (result == null) {
            throw new IllegalArgumentException("the spec has no operation " + operationId);
        }
        return result;
    }

    public synchronized List<Failure> generalFailures() {
        return List.copyOf(general);
    }

    public synchronized long count(Outcome outcome) {
        return results.values().stream().filter(result -> result.outcome() == outcome).count();
    }

    /** Exit status 0 needs this to be false. */
    public synchronized boolean hasFailures() {
        return !general.isEmpty() || count(Outcome.FAILED) > 0;
    }
}
