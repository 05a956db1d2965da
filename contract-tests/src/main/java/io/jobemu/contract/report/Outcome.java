package io.jobemu.contract.report;

import java.util.Locale;

/** How one operation fared. */
public enum Outcome {
    PASSED, FAILED, NOT_EXERCISED;

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
