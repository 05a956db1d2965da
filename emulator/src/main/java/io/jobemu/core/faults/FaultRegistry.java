package io.jobemu.core.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The faults tests have declared, matched against each request in declaration order. Thread-safe: requests match
 * without a lock (globs match in linear time, see {@link PathGlob}); only a hit locks its one fault.
 */
public final class FaultRegistry {

    private final List<Fault> faults = new CopyOnWriteArrayList<>();
    private final AtomicLong nextId = new AtomicLong(1);

    /** One declared fault with its remaining budget and hit count. */
    public static final class Fault {
        private final String id;
        private final FaultSpec spec;
        private final PathGlob path;
        private final Random random;
        private int remaining;
        private int hits;

        private Fault(String id, FaultSpec spec) {
            this.id = id;
            this.spec = spec;
            this.path = PathGlob.compile(spec.path());
            this.random = spec.seed() == null ? new Random() : new Random(spec.seed());
            this.remaining = spec.times() == null ? -1 : spec.times();
        }

        public String id() {
            return id;
        }

        public FaultSpec spec() {
            return spec;
        }

        /** Requests this fault has hit so far. */
        public synchronized int hits() {
            return hits;
        }

        private boolean matches(String api, String method, String requestPath) {
            return (spec.api() == null || spec.api().equalsIgnoreCase(api))
                    && (spec.method() == null || spec.method().equalsIgnoreCase(method))
                    && path.matches(requestPath);
        }

        /** Draws against the probability; a hit uses up one of the remaining times. */
        private synchronized boolean hit() {
            if (remaining == 0) {
                return false;
            }
            if (spec.probability() != null && random.nextDouble() >= spec.probability()) {
                return false;
            }
            if (remaining > 0) {
                remaining--;
            }
            hits++;
            return true;
        }
    }

    public Fault add(FaultSpec spec) {
        Fault fault = new Fault("fault-" + nextId.getAndIncrement(), spec);
        faults.add(fault);
        return fault;
    }

    /** The first fault that matches and fires for this request, if any. */
    public Optional<Fault> strike(String api, String method, String path) {
        for (Fault fault : faults) {
            if (fault.matches(api, method, path) && fault.hit()) {
                return Optional.of(fault);
            }
        }
        return Optional.empty();
    }

    public List<Fault> list() {
        return new ArrayList<>(faults);
    }

    public boolean remove(String id) {
        return faults.removeIf(fault -> fault.id().equals(id));
    }

    public void clear() {
        faults.clear();
    }
}
