package io.jobemu.hardening;

import static io.jobemu.hardening.FuzzInputs.concat;
import static io.jobemu.hardening.FuzzInputs.latin;
import static io.jobemu.hardening.FuzzInputs.pick;
import static io.jobemu.hardening.FuzzInputs.utf8;

import io.jobemu.core.Namespaces;
import io.jobemu.core.http.Route;
import io.jobemu.hardening.FuzzCase.Kind;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Derives requests from a route: the declared method, path and inputs (from the OpenAPI document), with one kind of
 * breakage applied. Everything random comes from one seeded {@link Random}, so a seed replays the same requests.
 */
final class FuzzGenerator {

    private static final Set<String> BODY_METHODS = Set.of("POST", "PUT", "PATCH");
    private static final Kind[] KINDS = Kind.values();

    private final FuzzTarget target;
    private final SpecVocabulary spec;
    private final String namespace;
    private final Random random;
    private int index;

    FuzzGenerator(FuzzTarget target, String namespace, long seed) {
        this.target = target;
        this.spec = SpecVocabulary.load(target.specResource());
        this.namespace = namespace;
        this.random = new Random(seed);
    }

    FuzzCase next(Route route) {
        Kind kind = KINDS[random.nextInt(KINDS.length)];
        String operation = route.operationKey();
        SpecVocabulary.Operation inputs = spec.operation(operation);
        byte[] path = path(route.path(), kind == Kind.PATH);
        String query = kind == Kind.QUERY ? hostileQuery(operation, inputs) : validQuery(operation, inputs);
        List<String[]> headers = new ArrayList<>(target.headers());
        headers.add(new String[] {Namespaces.HEADER, namespace});
        RawHttp.Request request = new RawHttp.Request(route.method(), concat(path, latin(query)), headers,
                new byte[0], RawHttp.Framing.LENGTH);
        FuzzTarget.Body valid = BODY_METHODS.contains(route.method()) ? target.validBody(operation) : null;
        if (valid != null) {
            request = request.withHeader("Content-Type", valid.contentType()).withBody(valid.bytes());
        }
        request = switch (kind) {
            case JSON_BODY -> jsonBody(request, inputs);
            case RAW_BODY -> rawBody(request);
            case MULTIPART -> multipart(request);
            case METHOD -> new RawHttp.Request(otherMethod(route.method()), request.target(), request.headers(),
                    request.body(), request.framing());
            case HEADER -> header(request, valid);
            case TRUNCATED -> request.withBody(request.body().length > 8 ? request.body()
                    : utf8("{\"entryClass\":\"x\",\"parallelism\":1}")).withFraming(RawHttp.Framing.TRUNCATED);
            case PATH, QUERY -> request;
        };
        return new FuzzCase(index++, operation, kind, request);
    }

    /** The template with each parameter filled; with {@code hostile}, at least one part of the path is broken. */
    private byte[] path(String template, boolean hostile) {
        String[] segments = template.substring(1).split("/");
        List<Integer> parameters = new ArrayList<>();
        for (int i = 0; i < segments.length; i++) {
            if (segments[i].startsWith("{")) {
                parameters.add(i);
            }
        }
        int broken = hostile && !parameters.isEmpty() && random.nextInt(4) > 0
                ? parameters.get(random.nextInt(parameters.size())) : -1;
        ByteArrayOutputStream path = new ByteArrayOutputStream();
        for (int i = 0; i < segments.length; i++) {
            path.writeBytes(utf8("/"));
            if (i == broken) {
                path.writeBytes(random.nextInt(6) == 0 ? pick(random, FuzzInputs.RAW_PATH_VALUES)
                        : pick(random, FuzzInputs.PATH_VALUES));
            } else if (segments[i].startsWith("{")) {
                List<String> valid = target.validPathValues(segments[i].substring(1, segments[i].length() - 1));
                path.writeBytes(utf8(valid.isEmpty() ? "x" : pick(random, valid)));
            } else {
                path.writeBytes(utf8(segments[i]));
            }
        }
        if (hostile && broken < 0) {
            return reshape(path.toByteArray());
        }
        return path.toByteArray();
    }

    /** Breaks a path's shape rather than a parameter: extra or missing segments, dot segments, doubled slashes. */
    private byte[] reshape(byte[] path) {
        String text = new String(path, StandardCharsets.UTF_8);
        return switch (random.nextInt(8)) {
            case 0 -> concat(path, utf8("/"));
            case 1 -> concat(path, utf8("/"), pick(random, FuzzInputs.PATH_VALUES));
            case 2 -> utf8(text.replaceFirst("/", "//"));
            case 3 -> utf8("/." + text);
            case 4 -> utf8("/.." + text);
            case 5 -> utf8(text.replace("/", "%2F"));
            case 6 -> utf8(text.toUpperCase(Locale.ROOT));
            default -> concat(path, utf8("/../../../../etc/passwd"));
        };
    }

    /** Sometimes the operation's own query parameters, with values the spec allows. */
    private String validQuery(String operation, SpecVocabulary.Operation inputs) {
        StringBuilder query = new StringBuilder();
        for (Map.Entry<String, List<String>> parameter : inputs.queryParameters().entrySet()) {
            String value = pick(random, parameter.getValue());
            if (random.nextInt(3) == 0 && !target.leavesOut(operation, parameter.getKey(), value)) {
                query.append(query.length() == 0 ? '?' : '&').append(parameter.getKey()).append('=').append(value);
            }
        }
        return query.toString();
    }

    /** One to three parameters, known or not, with absurd values; or a query string that is malformed itself. */
    private String hostileQuery(String operation, SpecVocabulary.Operation inputs) {
        if (random.nextInt(8) == 0) {
            return pick(random, List.of("?", "?&&&", "?=x", "?a", "?a=1&a=2&a=3", "?%", "?" + "&".repeat(2000),
                    "?a=" + "%".repeat(100), "??x=1", "?x=1#frag"));
        }
        List<String> known = new ArrayList<>(inputs.queryParameters().keySet());
        StringBuilder query = new StringBuilder();
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            String name = !known.isEmpty() && random.nextInt(4) > 0 ? pick(random, known)
                    : pick(random, FuzzInputs.QUERY_NAMES);
            int repeats = random.nextInt(5) == 0 ? 2 : 1;
            for (int j = 0; j < repeats; j++) {
                String value = pick(random, FuzzInputs.QUERY_VALUES);
                if (!target.leavesOut(operation, name, value)) {
                    query.append(query.length() == 0 ? '?' : '&').append(name).append('=').append(value);
                }
            }
        }
        return query.toString();
    }

    private RawHttp.Request jsonBody(RawHttp.Request request, SpecVocabulary.Operation inputs) {
        List<String> fields = new ArrayList<>(inputs.bodyFields().keySet());
        String body = switch (random.nextInt(fields.isEmpty() ? 2 : 4)) {
            case 0 -> pick(random, FuzzInputs.INVALID_JSON);
            case 1 -> pick(random, FuzzInputs.JSON_DOCUMENTS);
            default -> {
                StringBuilder object = new StringBuilder("{");
                int count = 1 + random.nextInt(3);
                for (int i = 0; i < count; i++) {
                    object.append(i == 0 ? "" : ",").append('"').append(pick(random, fields)).append("\":")
                            .append(pick(random, FuzzInputs.JSON_VALUES));
                }
                yield object.append('}').toString();
            }
        };
        return withContentType(request, "application/json").withBody(utf8(body));
    }

    private RawHttp.Request rawBody(RawHttp.Request request) {
        byte[] body = switch (random.nextInt(5)) {
            case 0 -> FuzzInputs.garbage(random, 1 + random.nextInt(4096));
            case 1 -> FuzzInputs.invalidUtf8Json("entryClass");
            case 2 -> new byte[1 + random.nextInt(1024)];
            case 3 -> utf8("x".repeat(1 << 20));
            default -> concat(utf8("{\"a\":\""), FuzzInputs.garbage(random, 64), utf8("\"}"));
        };
        return request.withBody(body);
    }

    private RawHttp.Request multipart(RawHttp.Request request) {
        String boundary = "fuzz" + random.nextInt(1_000_000);
        byte[] body;
        if (random.nextBoolean()) {
            body = pick(random, FuzzInputs.brokenMultiparts(boundary, random));
        } else {
            List<String[]> fields = switch (random.nextInt(4)) {
                case 0 -> List.<String[]>of(new String[] {"request", pick(random, FuzzInputs.INVALID_JSON)});
                case 1 -> List.<String[]>of(new String[] {"foo", "bar"});
                case 2 -> List.of(new String[] {"request", "{}"}, new String[] {"request", "[]"});
                default -> List.of();
            };
            String fileName = random.nextInt(5) == 0 ? null : pick(random, FuzzInputs.FILE_NAMES);
            body = FuzzInputs.multipart(boundary, fields, random.nextBoolean() ? "jarfile" : "", fileName,
                    io.jobemu.testing.TestJars.withMainClass("com.example.Job"));
        }
        String contentType = random.nextInt(6) == 0 ? "multipart/form-data"
                : "multipart/form-data; boundary=" + boundary;
        return withContentType(request, contentType).withBody(body);
    }

    private RawHttp.Request header(RawHttp.Request request, FuzzTarget.Body valid) {
        RawHttp.Request withBody = request.body().length > 0 ? request
                : request.withBody(valid != null ? valid.bytes() : utf8("{}"));
        return switch (random.nextInt(6)) {
            case 0, 1 -> withContentType(withBody, pick(random, FuzzInputs.CONTENT_TYPES));
            case 2 -> request.withHeader("X-Fuzz", "h".repeat(60_000));
            case 3 -> withBody.withHeader("Content-Encoding", "gzip");
            case 4 -> request.withHeader("Authorization", pick(random, List.of("Basic !!!", "Basic " + "A".repeat(5000),
                    "Bearer", "Bearer \u00ff", "Digest x", "Basic Og==")));
            default -> request.withHeader("Accept", "application/xml").withHeader("Accept-Charset", "ebcdic");
        };
    }

    private String otherMethod(String declared) {
        String method;
        do {
            method = pick(random, FuzzInputs.METHODS);
        } while (method.equals(declared));
        return method;
    }

    private static RawHttp.Request withContentType(RawHttp.Request request, String contentType) {
        List<String[]> headers = new ArrayList<>();
        request.headers().stream().filter(h -> !h[0].equalsIgnoreCase("Content-Type")).forEach(headers::add);
        headers.add(new String[] {"Content-Type", contentType});
        return new RawHttp.Request(request.method(), request.target(), headers, request.body(), request.framing());
    }
}
