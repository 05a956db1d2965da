package io.jobemu.core.journal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;

/** A bounded ring buffer of served requests; the oldest entries drop off once {@code capacity} is reached. */
public final class RequestJournal {

    public static final int DEFAULT_CAPACITY = 10_000;

    private final int capacity;
    private final Deque<JournalEntry> entries = new ArrayDeque<>();
    private long nextSequence;

    public RequestJournal(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("journal capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
    }

    public synchronized void record(String api, long timestamp, String method, String path, String query,
                                    int status, String fault) {
        if (entries.size() == capacity) {
            entries.removeFirst();
        }
        entries.addLast(new JournalEntry(nextSequence++, api, timestamp, method, path, query, status, fault));
    }

    public synchronized List<JournalEntry> find(Predicate<JournalEntry> filter) {
        List<JournalEntry> result = new ArrayList<>();
        for (JournalEntry entry : entries) {
            if (filter.test(entry)) {
                result.add(entry);
            }
        }
        return result;
    }

    public synchronized void clear() {
        entries.clear();
    }

    public int capacity() {
        return capacity;
    }
}
