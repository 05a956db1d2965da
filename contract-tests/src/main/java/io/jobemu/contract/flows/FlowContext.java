package io.jobemu.contract.flows;

import static io.jobemu.contract.validation.ResponseValidator.abbreviate;

import io.jobemu.contract.ContractOptions;
import io.jobemu.contract.http.ApiClient;
import io.jobemu.contract.http.Curl;
import io.jobemu.contract.http.Exchange;
import io.jobemu.contract.http.Request;
import io.jobemu.contract.report.Failure;
import io.jobemu.contract.report.Report;
import io.jobemu.contract.spec.OpenApiSpec;
import io.jobemu.contract.spec.Operation;
import io.jobemu.contract.validation.ResponseValidator;
import io.jobemu.contract.validation.Violation;
import java.io.IOException;
import java.net.ConnectException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * What a flow works with: the spec, a client for the target, the report and the transcript. Every step goes
 * through {@link #call(String)}, which sends the request, validates the answer and records both. Read-only runs
 * are guarded here: a step that would change the server is refused before anything is sent.
 */
public final class FlowContext {

    private static final Set<String> READ_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final OpenApiSpec spec;
    private final ApiClient client;
    private final ResponseValidator validator;
    private final Report report;
    private final Transcript transcript;
    private final ContractOptions options;
    private final Set<String> sideEffectingReads;
    private final Set<String> harmlessWrites;
    private final Deque<Cleanup> cleanups = new ArrayDeque<>();
    /** Set once a connection is refused: later steps are not sent, so a dead server gives one failure. */
    private volatile boolean unreachable;

    /** Something the flow created and must undo. */
    @FunctionalInterface
    public interface CleanupAction {
        void run() throws InterruptedException;
    }

    /** A registered cleanup; disarm it when the flow undid the thing itself. */
    public static final class Cleanup {
        private final String description;
        private final CleanupAction action;
        private volatile boolean armed = true;

        private Cleanup(String description, CleanupAction action) {
            this.description = description;
            this.action = action;
        }

        public void disarm() {
            armed = false;
        }
    }

    /**
     * @param flow says which GETs act and which other methods change nothing, for the read-only guard
     */
    public FlowContext(OpenApiSpec spec, ApiClient client, Report report, Transcript transcript,
                       ContractOptions options, Flow flow) {
        this.spec = spec;
        this.client = client;
        this.validator = new ResponseValidator(spec);
        this.report = report;
        this.transcript = transcript;
        this.options = options;
        this.sideEffectingReads = Set.copyOf(flow.sideEffectingReads());
        this.harmlessWrites = Set.copyOf(flow.harmlessWrites());
    }

    public OpenApiSpec spec() {
        return spec;
    }

    public ApiClient client() {
        return client;
    }

    public ContractOptions options() {
        return options;
    }

    public boolean writes() {
        return options.writes();
    }

    /** A new step calling the given operation. */
    public Call call(String operationId) {
        return new Call(this, spec.operation(operationId));
    }

    /** Marks operations a run did not reach, with the reason (kept only if they are never exercised). */
    public void notExercised(String reason, String... operationIds) {
        for (String id : operationIds) {
            report.notExercised(id, reason);
        }
    }

    /** Whether the read-only guard lets this operation through. */
    public boolean mayCall(Operation operation) {
        return options.writes() || harmlessWrites.contains(operation.id())
                || (READ_METHODS.contains(operation.method()) && !sideEffectingReads.contains(operation.id()));
    }

    /**
     * Runs one section of a flow. A failed step ends only this section; an unexpected exception is reported as a
     * failure of the run, not hidden.
     */
    public void section(String name, SectionBody body) throws InterruptedException {
        try {
            body.run();
        } catch (StepFailedException e) {
            // already reported against its operation
        } catch (RuntimeException e) {
            report.generalFailure(new Failure("section " + name, "FLOW", "", "the section to complete",
                    e.toString(), "the flow broke: " + e.getMessage(), null));
        }
    }

    /** A flow section: a sequence of steps. */
    @FunctionalInterface
    public interface SectionBody {
        void run() throws InterruptedException;
    }

    /** Registers an undo step; cleanups run last-in first-out after the flow. */
    public Cleanup onCleanup(String description, CleanupAction action) {
        Cleanup cleanup = new Cleanup(description, action);
        cleanups.push(cleanup);
        return cleanup;
    }

    /**
     * Runs the cleanups, then explains what was not reached: the server stopped answering, or the read-only guard
     * refused the operation (reasons the flow gave first win).
     */
    public void finish() throws InterruptedException {
        runCleanups();
        for (Operation operation : spec.operations()) {
            if (unreachable) {
                report.notExercised(operation.id(), "the server stopped answering");
            } else if (!mayCall(operation)) {
                report.notExercised(operation.id(), "read-only run (use --allow-writes on a server you may change)");
            }
        }
    }

    /** Runs every registered cleanup, each on its own: one failing does not stop the others. */
    private void runCleanups() throws InterruptedException {
        while (!cleanups.isEmpty()) {
            Cleanup cleanup = cleanups.pop();
            if (!cleanup.armed) {
                continue;
            }
            try {
                cleanup.action.run();
            } catch (RuntimeException e) {
                report.generalFailure(new Failure("cleanup", "FLOW", "", cleanup.description,
                        e instanceof StepFailedException ? e.getMessage() : e.toString(),
                        "could not " + cleanup.description + "; it may be left on the server", null));
            }
        }
    }

    /**
     * Sends a step again and again until its answer satisfies {@code done}; every answer is checked. Gives up
     * after the poll timeout with a failure against the operation.
     */
    public Result poll(Supplier<Call> step, Predicate<Result> done, String waitingFor) throws InterruptedException {
        long deadline = System.nanoTime() + options.pollTimeout().toNanos();
        long pause = 50;
        while (true) {
            Result result = step.get().send();
            if (done.test(result)) {
                return result;
            }
            if (!result.expectationMet() || System.nanoTime() > deadline) {
                if (result.expectationMet()) {
                    flowFailure(result, "", waitingFor + " within " + options.pollTimeout().toSeconds() + " s",
                            "last answer " + result.status() + " " + abbreviate(result.exchange().response().text()));
                }
                throw new StepFailedException("gave up waiting for " + waitingFor);
            }
            Thread.sleep(pause);
            pause = Math.min(pause * 2, 500);
        }
    }

    /** Reports that an answer, valid or not, does not let the flow go on. */
    public void flowFailure(Result result, String pointer, String expected, String actual) {
        report.checked(result.operation().id(), List.of(new Failure(result.label(), "FLOW", pointer, expected,
                actual, "the flow cannot go on", Curl.of(client, result.exchange().request()))));
    }

    Result execute(Operation operation, String label, Request request, Expect expect) throws InterruptedException {
        String excludedBecause = options.excluded().get(operation.id());
        if (excludedBecause != null) {
            report.notExercised(operation.id(), "excluded: " + excludedBecause);
            throw new StepFailedException(operation.id() + " is excluded");
        }
        if (!mayCall(operation)) {
            throw new IllegalStateException("read-only run: refusing " + operation + " in step " + label);
        }
        if (unreachable) {
            report.notExercised(operation.id(), "the server stopped answering");
            throw new StepFailedException(label + ": the server stopped answering");
        }
        Exchange exchange;
        try {
            exchange = client.send(request);
        } catch (IOException e) {
            if (e instanceof ConnectException) {
                unreachable = true;
            }
            report.checked(operation.id(), List.of(new Failure(label, "TRANSPORT", "", "an HTTP answer",
                    e.toString(), "no answer from " + client.baseUrl(), Curl.of(client, request))));
            throw new StepFailedException(label + ": " + e);
        }
        transcript.add(new Transcript.Entry(label, operation.id(), exchange));
        List<Violation> violations = new ArrayList<>(validator.validate(operation, exchange.response()));
        int status = exchange.response().status();
        boolean expectationMet = expect.accepts(status);
        boolean undeclared = violations.stream().anyMatch(v -> v.kind() == Violation.Kind.STATUS);
        if (!expectationMet && !undeclared) {
            violations.add(new Violation(Violation.Kind.EXPECTATION, "", expect.description(),
                    status + " " + abbreviate(exchange.response().text()),
                    "this request should get " + expect.description()));
        }
        String curl = violations.isEmpty() ? null : Curl.of(client, request);
        report.checked(operation.id(), violations.stream()
                .map(v -> new Failure(label, v.kind().name(), v.pointer(), v.expected(), v.actual(), v.message(),
                        curl))
                .toList());
        return new Result(this, label, operation, exchange, expectationMet);
    }
}
