package io.jobemu.core.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;

/** The faults tests have declared, matched against each request in declaration order. Thread-safe. */
public final class FaultRegistry {

    private final List<Fault> faults = new ArrayList<>();
    private long nextId = 1;

    /** One declared fault with its remaining budget and hit count. */
    public static final class Fault {
        private final String id;
        private final FaultSpec spec;
        private final Pattern path;
        private final Random random;
        private int remaining;
        private int hits;

        private Fault(String id, FaultSpec spec) {
            this.id = id;
            this.spec = spec;
            this.path = glob(spec.path());
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
        public int hits() {
            return hits;
        }

        private boolean matches(String api, String method, String requestPath) {
            return remaining != 0
                    && (spec.api() == null || spec.api().equalsIgnoreCase(api))
                    && (spec.method() == null || spec.method().equalsIgnoreCase(method))
                    && path.matcher(requestPath).matches();
        }

        /** Draws against the probability; a hit uses up one of the remaining times. */
        private boolean hit() {
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

    public synchronized Fault add(FaultSpec spec) {
        Fault fault = new Fault("fault-" + nextId++, spec);
        faults.add(fault);
        return fault;
    }

    /** The first fault that matches and fires for this request, if any. */
    public synchronized Optional<Fault> strike(String api, String method, String path) {
        for (Fault fault : faults) {
            if (fault.matches(api, method, path) && fault.hit()) {
                return Optional.of(fault);
            }
        }
        return Optional.empty();
    }

    public synchronized List<Fault> list() {
        return new ArrayList<>(faults);
    }

    public synchronized boolean remove(String id) {
        return faults.removeIf(fault -> fault.id().equals(id));
    }

    public synchronized void clear() {
        faults.clear();
    }

    /** {@code *} stays within a path segment, {@code **} crosses segments; everything else is literal. */
    public static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                regex.append(".*");
                i++;
            } else if (c == '*') {
                regex.append("[^/]*");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
