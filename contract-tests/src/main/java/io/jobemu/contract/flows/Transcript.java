package io.jobemu.contract.flows;

import io.jobemu.contract.http.Exchange;
import java.util.ArrayList;
import java.util.List;

/** Every exchange of a run in order, each under the label of the flow step that made it. Thread-safe. */
public final class Transcript {

    /** One exchange; polls repeat a label, and the last entry for a label is the settled answer. */
    public record Entry(String label, String operationId, Exchange exchange) {
    }

    private final List<Entry> entries = new ArrayList<>();

    public synchronized void add(Entry entry) {
        entries.add(entry);
    }

    public synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }
}
