package io.jobemu.hardening;

import io.jobemu.core.EmulatedApi;
import io.jobemu.core.http.Route;
import java.util.List;

/** A fuzz target that is one emulated API: its name and route table, where it listens and its OpenAPI document. */
abstract class EmulatedApiFuzzTarget implements FuzzTarget {

    private final EmulatedApi api;
    private final String baseUrl;
    private final String specResource;

    EmulatedApiFuzzTarget(EmulatedApi api, String baseUrl, String specResource) {
        this.api = api;
        this.baseUrl = baseUrl;
        this.specResource = specResource;
    }

    @Override
    public final String name() {
        return api.name();
    }

    @Override
    public final String baseUrl() {
        return baseUrl;
    }

    @Override
    public final List<Route> routes() {
        return api.routes().routes();
    }

    @Override
    public final String specResource() {
        return specResource;
    }
}
