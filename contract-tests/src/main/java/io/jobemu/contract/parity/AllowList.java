package io.jobemu.contract.parity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Differences between two servers that are known and explained, so that they do not fail a parity run. Each entry
 * has a short name, the operations it covers (a regular expression over operation ids), the kind of difference,
 * the detail (a regular expression found in "reference side, newline, candidate side") and the reason.
 */
public final class AllowList {

    /**
     * One explained difference.
     *
     * @param pendingFix true for a known defect of the candidate that is due to be fixed, not a lasting limitation
     */
    public record Entry(String name, String operations, Difference.Kind kind, String detail, String reason,
                        boolean pendingFix) {

        boolean allows(Difference difference) {
            return difference.kind() == kind
                    && Pattern.matches(operations, difference.operationId())
                    && Pattern.compile(detail).matcher(difference.reference() + "\n" + difference.candidate()).find();
        }
    }

    private final List<Entry> entries;

    public AllowList(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public List<Entry> entries() {
        return entries;
    }

    public Optional<Entry> allowing(Difference difference) {
        return entries.stream().filter(entry -> entry.allows(difference)).findFirst();
    }

    /** The differences no entry explains. */
    public List<Difference> unexplained(List<Difference> differences) {
        List<Difference> left = new ArrayList<>();
        for (Difference difference : differences) {
            if (allowing(difference).isEmpty()) {
                left.add(difference);
            }
        }
        return left;
    }
}
