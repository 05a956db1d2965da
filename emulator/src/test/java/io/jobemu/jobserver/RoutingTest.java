package io.jobemu.jobserver;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobemu.testing.HttpResult;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How requests outside the happy paths reach (or miss) the routes: akka-http's route tree and its defaults. */
class RoutingTest extends JobserverTest {

    @Test
    void unknownPathsAreAkkasPlain404ForGetAnd405Otherwise() {
        HttpResult get = jobserver.get("/nothing/here");
        HttpResult post = jobserver.post("/nothing/here", "{}");

        assertThat(get.status()).isEqualTo(404);
        assertThat(get.header("Content-Type")).isEqualTo("text/plain; charset=UTF-8");
        assertThat(get.body()).isEqualTo("The requested resource could not be found.");
        assertThat(post.status()).isEqualTo(405);
        assertThat(post.body()).isEqualTo("HTTP method not allowed, supported methods: GET");
        assertThat(post.header("Allow")).isEqualTo("GET");
    }

    @Test
    void aWrongMethodUnderAResourceListsEveryMethodOfItsRoutes() {
        HttpResult binaries = request("PATCH", "/binaries/demo", null, Map.of());
        HttpResult jobs = request("PUT", "/jobs/abc", "", Map.of());
        HttpResult contexts = request("PATCH", "/contexts", null, Map.of());

        assertThat(binaries.status()).isEqualTo(405);
        assertThat(binaries.body()).isEqualTo("HTTP method not allowed, supported methods: GET, POST, DELETE");
        assertThat(binaries.header("Allow")).isEqualTo("GET, POST, DELETE");
        assertThat(jobs.body()).isEqualTo("HTTP method not allowed, supported methods: GET, DELETE, POST");
        assertThat(contexts.body()).isEqualTo("HTTP method not allowed, supported methods: GET, POST, DELETE, PUT");
    }

    @Test
    void aMethodSomeRouteHasButNotForThisPathIs404() {
        assertThat(jobserver.delete("/jobs").body()).isEqualTo("The requested resource could not be found.");
        assertThat(jobserver.post("/binaries", "").status()).isEqualTo(404);
        assertThat(jobserver.delete("/contexts/a/b").status()).isEqualTo(404);
        assertThat(jobserver.get("/jobs/a/config/more").status()).as("lists the jobs").isEqualTo(200);
    }

    @Test
    void listSubmitAndResetRoutesHaveNoPathEndCheck() {
        uploadBinary("demo");

        assertThat(jobserver.get("/jobs/a/b").body()).isEqualTo("[]");
        assertThat(jobserver.get("/contexts/").body()).isEqualTo("[]");
        assertThat(jobserver.get("/contexts/a/b").body()).isEqualTo("[]");
        assertThat(jobserver.get("/binaries/a/b").body()).isEqualTo("{\"demo\":" + jobserver.get("/binaries").json()
                .path("demo") + "}");
        assertThat(jobserver.get("/binariesX").status()).as("pathPrefix is a string prefix").isEqualTo(200);
        assertThat(jobserver.get("/data/anything").body()).isEqualTo("[]");
        assertThat(postJob("cp=demo&mainClass=" + WORD_COUNT, "input.string = a").status()).isEqualTo(202);
        HttpResult submittedUnderAnId = jobserver.send("POST", "/jobs/some-id?cp=demo&mainClass=" + WORD_COUNT,
                "input.string = b".getBytes(), "text/plain");
        assertThat(submittedUnderAnId.status()).isEqualTo(202);
        assertThat(jobserver.put("/contexts/anything?reset=reboot", "").json().path("result").asText())
                .isEqualTo("Context reset");
        assertThat(jobserver.get("/healthz/deep").body()).isEqualTo("{\"status\":\"SUCCESS\"}");
    }

    @Test
    void methodOverrideParameter() {
        createContext("ctx", "");
        String id = startJob(LONG_PI, "", "");

        assertThat(jobserver.post("/contexts/ctx?_method=DELETE", "").body())
                .isEqualTo("{\"status\":\"SUCCESS\",\"result\":\"Context stopped\"}");
        assertThat(jobserver.post("/jobs/" + id + "?_method=delete", "").body()).isEqualTo("{\"status\":\"KILLED\"}");
        assertThat(jobserver.get("/jobs/" + id + "?_method=DELETE").status()).isEqualTo(404);
        assertThat(jobserver.post("/binaries?_method=GET", "").body()).isEqualTo("{\"demo\":"
                + jobserver.get("/binaries").json().path("demo") + "}");
        HttpResult unknown = jobserver.post("/jobs?_method=FETCH", "");
        assertThat(unknown.status()).isEqualTo(501);
        assertThat(unknown.body()).isEqualTo("The server either does not recognize the request method, or it lacks "
                + "the ability to fulfill the request.");
    }

    @Test
    void headIsServedAsGet() {
        HttpResult head = request("HEAD", "/healthz", null, Map.of());

        assertThat(head.status()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.header("Content-Length")).isEqualTo("20");
    }

    @Test
    void healthz() {
        HttpResult healthy = jobserver.get("/healthz");
        assertThat(healthy.status()).isEqualTo(200);
        assertThat(healthy.header("Content-Type")).isEqualTo("application/json");
        assertThat(healthy.body()).isEqualTo("{\"status\":\"SUCCESS\"}");
        assertThat(jobserver.post("/healthz", "").status()).isEqualTo(405);

        updateSettings("{\"healthy\": false}");

        HttpResult unhealthy = jobserver.get("/healthz");
        assertThat(unhealthy.status()).isEqualTo(500);
        assertThat(unhealthy.body()).isEqualTo("{\"status\":\"ERROR\",\"result\":\"Required actors not alive\"}");
    }
}
