package io.jobemu.junit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.jobemu.core.faults.FaultSpec;
import io.jobemu.core.http.Json;
import java.util.ArrayList;
import java.util.List;

/** The namespace's injected faults: add, list, remove, clear. Control requests are never struck. */
public final class FaultsHandle {

    private final ControlClient control;

    FaultsHandle(ControlClient control) {
        this.control = control;
    }

    public InjectedFault add(Fault fault) {
        return read(control.call("POST", "/faults", fault.spec()));
    }

    /** Every fault, in the order they are matched, with their hit counts. */
    public List<InjectedFault> list() {
        List<InjectedFault> faults = new ArrayList<>();
        control.get("/faults").path("faults").forEach(fault -> faults.add(read(fault)));
        return faults;
    }

    /** @throws EmulatorControlException (404) when no fault has that id */
    public void remove(String id) {
        control.delete("/faults/" + ControlClient.encode(id));
    }

    public void clear() {
        control.delete("/faults");
    }

    private static InjectedFault read(JsonNode fault) {
        try {
            return new InjectedFault(fault.path("id").asText(), fault.path("hits").asInt(),
                    Json.MAPPER.treeToValue(fault.path("spec"), FaultSpec.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable fault " + fault, e);
        }
    }
}
