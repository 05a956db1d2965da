package io.jobemu.contract.flows;

import io.jobemu.contract.http.Response;
import java.util.function.Predicate;

/**
 * The first request of a run, before any check: a GET that every server of the API answers in a recognisable way,
 * so that a server of another kind (or none) is named as such instead of failing every operation.
 *
 * @param path             what to GET, relative to the base URL
 * @param answersLikeTheApi whether an answer (any status) comes from a server of this API
 */
public record Probe(String path, Predicate<Response> answersLikeTheApi) {
}
