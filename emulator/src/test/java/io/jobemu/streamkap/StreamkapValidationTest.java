package io.jobemu.streamkap;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.jobemu.testing.HttpResult;
import io.jobemu.testing.TestJars;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Request validation as FastAPI with pydantic v2 answers it, and Starlette's routing answers (404, 405, 307).
 * Bodies are compared whole: key order and texts are part of the contract.
 */
class StreamkapValidationTest extends StreamkapTest {

    private static final String MISSING = "{\"type\":\"missing\",\"loc\":[\"body\",\"%s\"],\"msg\":\"Field required\","
            + "\"input\":null}";

    private static String missing(String field) {
        return String.format(MISSING, field);
    }

    private static String detail(String... errors) {
        return "{\"detail\":[" + String.join(",", errors) + "]}";
    }

    @Test
    void everyMissingRequiredFieldIsListed() {
        HttpResult result = deployJar(new Multipart().field("parallelism", "2"));

        assertThat(result.status()).isEqualTo(422);
        assertThat(result.header("content-type")).isEqualTo("application/json");
        assertThat(result.body()).isEqualTo(detail(missing("jar_file"), missing("name"), missing("main_class")));
    }

    @Test
    void emptyTextFieldsCountAsMissing() {
        HttpResult result = deployJar(new Multipart().file("jar_file", "job.jar", TestJars.withMainClass(MAIN_CLASS))
                .field("name", "").field("main_class", "").field("parallelism", "").field("job_args", ""));

        assertThat(result.status()).isEqualTo(422);
        assertThat(result.body()).isEqualTo(detail(missing("name"), missing("main_class")));
    }

    @Test
    void parallelismMustParseAsAnInteger() {
        HttpResult result = deployJar(jarForm("orders", MAIN_CLASS).field("parallelism", "two"));

        assertThat(result.status()).isEqualTo(422);
        assertThat(result.body()).isEqualTo(detail("{\"type\":\"int_parsing\",\"loc\":[\"body\",\"parallelism\"],"
                + "\"msg\":\"Input should be a valid integer, unable to parse string as an integer\",\"input\":\"two\"}"));
    }

    @Test
    void parallelismIsBounded() {
        HttpResult zero = deployJar(jarForm("a", MAIN_CLASS).field("parallelism", "0"));
        HttpResult huge = deployJar(jarForm("b", MAIN_CLASS).field("parallelism", "40000"));

        assertThat(zero.status()).isEqualTo(422);
        assertThat(zero.body()).isEqualTo(detail("{\"type\":\"greater_than_equal\",\"loc\":[\"body\",\"parallelism\"],"
                + "\"msg\":\"Input should be greater than or equal to 1\",\"input\":\"0\",\"ctx\":{\"ge\":1}}"));
        assertThat(huge.status()).isEqualTo(422);
        assertThat(huge.body()).isEqualTo(detail("{\"type\":\"less_than_equal\",\"loc\":[\"body\",\"parallelism\"],"
                + "\"msg\":\"Input should be less than or equal to 32768\",\"input\":\"40000\",\"ctx\":{\"le\":32768}}"));
    }

    @Test
    void parallelismAcceptsWhatPydanticAccepts() {
        assertThat(deployJar(jarForm("a", MAIN_CLASS).field("parallelism", " 3 ")).json().path("parallelism").asInt())
                .isEqualTo(3);
        assertThat(deployJar(jarForm("b", MAIN_CLASS).field("parallelism", "2.00")).json().path("parallelism")
                .asInt()).isEqualTo(2);
        assertThat(deployJar(jarForm("c", MAIN_CLASS).field("parallelism", "1_0")).json().path("parallelism").asInt())
                .isEqualTo(10);
        assertThat(deployJar(jarForm("d", MAIN_CLASS)).json().path("parallelism").asInt()).isEqualTo(1);
        assertThat(deployJar(jarForm("e", MAIN_CLASS).field("parallelism", "2.")).status()).isEqualTo(422);
    }

    @Test
    void parallelismWithTooManyDigitsIsRefusedUnparsed() {
        String digits = "1".repeat(4301);

        HttpResult result = deployJar(jarForm("orders", MAIN_CLASS).field("parallelism", digits));

        assertThat(result.status()).isEqualTo(422);
        assertThat(result.body()).isEqualTo(detail("{\"type\":\"int_parsing_size\",\"loc\":[\"body\",\"parallelism\"],"
                + "\"msg\":\"Unable to parse input string as an integer, exceeded maximum size\",\"input\":\"" + digits
                + "\"}"));
    }

    @Test
    void jobArgsMustBeJson() {
        HttpResult result = deployJar(jarForm("orders", MAIN_CLASS).field("job_args", "{\"--topic\": orders}"));

        assertThat(result.status()).isEqualTo(422);
        assertThat(result.body()).isEqualTo(detail("{\"type\":\"json_invalid\",\"loc\":[\"body\",\"job_args\"],"
                + "\"msg\":\"Invalid JSON: expected value at line 1 column 13\",\"input\":\"{\\\"--topic\\\": orders}\","
                + "\"ctx\":{\"error\":\"expected value at line 1 column 13\"}}"));
    }

    @Test
    void jobArgsMustBeAnObject() {
        HttpResult result = deployJar(jarForm("orders", MAIN_CLASS).field("job_args", "[\"--topic\", \"orders\"]"));

        assertThat(result.status()).isEqualTo(422);
        assertThat(result.body()).isEqualTo(detail("{\"type\":\"dict_type\",\"loc\":[\"body\",\"job_args\"],"
                + "\"msg\":\"Input should be a valid dictionary\",\"input\":[\"--topic\",\"orders\"]}"));
    }

    @Test
    void jarFileMustBeAFile() {
        HttpResult result = deployJar(new Multipart().field("jar_file", "job.jar").field("name", "orders")
                .field("main_class", MAIN_CLASS));

        assertThat(result.status()).isEqualTo(422);
        assertThat(result.body()).isEqualTo(detail("{\"type\":\"value_error\",\"loc\":[\"body\",\"jar_file\"],"
                + "\"msg\":\"Value error, Expected UploadFile, received: <class 'str'>\",\"input\":\"job.jar\","
                + "\"ctx\":{\"error\":{}}}"));
    }

    @Test
    void textFieldSentAsAFileIsNotAString() {
        HttpResult result = deployJar(new Multipart().file("jar_file", "job.jar", TestJars.withMainClass(MAIN_CLASS))
                .file("name", "name.txt", "orders".getBytes(UTF_8)).field("main_class", MAIN_CLASS));

        assertThat(result.status()).isEqualTo(422);
        assertThat(result.json().path("detail").path(0).path("type").asText()).isEqualTo("string_type");
        assertThat(result.json().path("detail").path(0).path("loc").toString()).isEqualTo("[\"body\",\"name\"]");
    }

    @Test
    void errorsOfDifferentFieldsComeTogetherInFieldOrder() {
        HttpResult result = deployJar(new Multipart().field("name", "orders").field("parallelism", "x")
                .field("job_args", "{"));

        assertThat(result.status()).isEqualTo(422);
        assertThat(result.json().path("detail").findValuesAsText("type"))
                .containsExactly("missing", "missing", "int_parsing", "json_invalid");
        assertThat(result.json().path("detail").path(3).path("msg").asText())
                .isEqualTo("Invalid JSON: EOF while parsing an object at line 1 column 1");
    }

    @Test
    void pyFlinkDeployValidatesItsOwnFields() {
        HttpResult result = api.upload("/flink_jobs/pyflink", token, new Multipart().field("parallelism", "-1"));

        assertThat(result.status()).isEqualTo(422);
        assertThat(result.body()).isEqualTo(detail(missing("python_file"), missing("name"),
                "{\"type\":\"greater_than_equal\",\"loc\":[\"body\",\"parallelism\"],\"msg\":\"Input should be greater"
                        + " than or equal to 1\",\"input\":\"-1\",\"ctx\":{\"ge\":1}}"));
    }

    @Test
    void jsonBodyIsAnEmptyForm() {
        HttpResult result = api.send("POST", "/flink_jobs/jar", Map.of("Authorization", "Bearer " + token),
                "{\"name\":\"orders\",\"main_class\":\"x\"}".getBytes(UTF_8), "application/json");

        assertThat(result.status()).isEqualTo(422);
        assertThat(result.body()).isEqualTo(detail(missing("jar_file"), missing("name"), missing("main_class")));
    }

    @Test
    void urlEncodedFormIsReadButCarriesNoFile() {
        HttpResult result = api.send("POST", "/flink_jobs/jar", Map.of("Authorization", "Bearer " + token),
                "jar_file=job.jar&name=orders&main_class=x".getBytes(UTF_8), "application/x-www-form-urlencoded");

        assertThat(result.status()).isEqualTo(422);
        assertThat(result.json().path("detail").size()).isEqualTo(1);
        assertThat(result.json().path("detail").path(0).path("type").asText()).isEqualTo("value_error");
    }

    @Test
    void brokenMultipartIsABadRequestEvenWithoutAToken() {
        HttpResult result = api.send("POST", "/flink_jobs/jar", Map.of(), "no boundary here".getBytes(UTF_8),
                "multipart/form-data; boundary=xyz");

        assertThat(result.status()).isEqualTo(400);
        assertThat(result.body()).isEqualTo("{\"detail\":\"There was an error parsing the body\"}");
    }

    @Test
    void tokenIsCheckedBeforeTheFields() {
        HttpResult result = api.upload("/flink_jobs/jar", null, new Multipart().field("parallelism", "x"));

        assertThat(result.status()).isEqualTo(401);
    }

    @Test
    void listQueryParametersAreValidated() {
        HttpResult result = api.get("/flink_jobs?page=first&page_size=500&sort_dir=up", token);

        assertThat(result.status()).isEqualTo(422);
        assertThat(result.body()).isEqualTo(detail(
                "{\"type\":\"int_parsing\",\"loc\":[\"query\",\"page\"],\"msg\":\"Input should be a valid integer, "
                        + "unable to parse string as an integer\",\"input\":\"first\"}",
                "{\"type\":\"less_than_equal\",\"loc\":[\"query\",\"page_size\"],\"msg\":\"Input should be less than "
                        + "or equal to 100\",\"input\":\"500\",\"ctx\":{\"le\":100}}",
                "{\"type\":\"enum\",\"loc\":[\"query\",\"sort_dir\"],\"msg\":\"Input should be 'asc' or 'desc'\","
                        + "\"input\":\"up\",\"ctx\":{\"expected\":\"'asc' or 'desc'\"}}"));
    }

    @Test
    void listPageStartsAtOne() {
        HttpResult result = api.get("/flink_jobs?page=0", token);

        assertThat(result.status()).isEqualTo(422);
        assertThat(result.json().path("detail").path(0).path("type").asText()).isEqualTo("greater_than_equal");
    }

    @Test
    void unknownRouteIsStarlettesNotFound() {
        for (HttpResult result : java.util.List.of(api.get("/", null), api.get("/flink_jobs/a/b/c", token),
                api.get("/flink_jobs//status", token), api.post("/sources", token))) {
            assertThat(result.status()).isEqualTo(404);
            assertThat(result.body()).isEqualTo("{\"detail\":\"Not Found\"}");
        }
    }

    @Test
    void wrongMethodIsMethodNotAllowedWithTheFirstRoutesMethod() {
        HttpResult put = api.send("PUT", "/flink_jobs", Map.of(), null, null);
        HttpResult get = api.get("/auth/access-token", null);
        HttpResult postToJob = api.post("/flink_jobs/abc", token);
        HttpResult head = api.send("HEAD", "/flink_jobs", Map.of(), null, null);

        assertThat(put.status()).isEqualTo(405);
        assertThat(put.body()).isEqualTo("{\"detail\":\"Method Not Allowed\"}");
        assertThat(put.header("allow")).isEqualTo("GET");
        assertThat(get.status()).isEqualTo(405);
        assertThat(get.header("allow")).isEqualTo("POST");
        assertThat(postToJob.status()).isEqualTo(405);
        assertThat(postToJob.header("allow")).isEqualTo("GET");
        assertThat(head.status()).isEqualTo(405);
    }

    @Test
    void routesAreTriedInOrderSoJarIsAJobIdForGet() {
        HttpResult get = api.get("/flink_jobs/jar", token);
        HttpResult delete = api.delete("/flink_jobs/pyflink", token);

        assertThat(get.status()).isEqualTo(404);
        assertThat(get.body()).isEqualTo("{\"detail\":\"Flink job not found\"}");
        assertThat(delete.status()).isEqualTo(404);
        assertThat(delete.body()).isEqualTo("{\"detail\":\"Flink job not found\"}");
        assertThat(api.get("/flink_jobs/jar", null).status()).isEqualTo(401);
    }

    @Test
    void trailingSlashIsRedirectedToTheRoute() {
        HttpResult list = api.get("/flink_jobs/?page=2", null);
        HttpResult status = api.get("/flink_jobs/abc/status/", null);

        assertThat(list.status()).isEqualTo(307);
        assertThat(list.header("location")).isEqualTo(emulator.streamkapUrl() + "/flink_jobs?page=2");
        assertThat(list.body()).isEmpty();
        assertThat(status.status()).isEqualTo(307);
        assertThat(status.header("location")).isEqualTo(emulator.streamkapUrl() + "/flink_jobs/abc/status");
    }

    @Test
    void jsonWithoutContentTypeIsNotDecoded() {
        HttpResult result = api.send("POST", "/auth/access-token", Map.of(),
                "{\"client_id\":\"jobemu-client-id\",\"secret\":\"jobemu-secret\"}".getBytes(UTF_8), null);

        assertThat(result.status()).isEqualTo(422);
        assertThat(result.json().path("detail").path(0).path("type").asText()).isEqualTo("model_attributes_type");
    }
}
