package io.jobemu.core;

import io.jobemu.core.clock.EmulatorClock;
import io.jobemu.core.ids.IdGenerator;
import io.jobemu.core.journal.RequestJournal;
import java.nio.file.Path;

/**
 * The shared core every emulated API is built on: one clock, one id source, one journal, one work dir, and the
 * limits its stores and request bodies keep to.
 */
public record EmulatorContext(EmulatorClock clock, IdGenerator ids, RequestJournal journal, Path workDir,
                              Limits limits) {
}
