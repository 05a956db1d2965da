package io.jobemu.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jobemu.Emulator;
import io.jobemu.EmulatorConfig;
import io.jobemu.flink.TimingProfile;
import io.jobemu.junit.Scenarios.Scenario;
import io.jobemu.testing.TestHttp;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.engine.TestExecutionResult;

/** Server lifecycles, resets, parameter injection and remote servers, checked on scenario classes. */
class EmulatorExtensionTest {

    private static final List<String> SEEN = new CopyOnWriteArrayList<>();

    @BeforeEach
    void forgetWhatScenariosSaw() {
        SEEN.clear();
    }

    @Scenario
    @WithEmulator(lifecycle = ServerLifecycle.PER_TEST)
    static class ServerPerTest {
        @Test
        void first(EmulatorHandle emulator) {
            SEEN.add(emulator.flinkUrl());
        }

        @Test
        void second(EmulatorHandle emulator) {
            SEEN.add(emulator.flinkUrl());
        }
    }

    @Test
    void aServerPerTestGivesEachTestItsOwnServerAndStopsIt() {
        Scenarios.Results results = Scenarios.run(ServerPerTest.class);

        assertThat(results.of("first").getStatus()).isEqualTo(TestExecutionResult.Status.SUCCESSFUL);
        assertThat(results.of("second").getStatus()).isEqualTo(TestExecutionResult.Status.SUCCESSFUL);
        assertThat(SEEN).hasSize(2).doesNotHaveDuplicates();
        for (String url : SEEN) {
            assertThatThrownBy(() -> new TestHttp(url).get("/_emulator/health"))
                    .isInstanceOf(UncheckedIOException.class);
        }
    }

    @Scenario
    @WithEmulator
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class ServerPerClass {
        static String serverUrl;

        @BeforeAll
        static void recordTheServer(EmulatorHandle server) {
            serverUrl = server.flinkUrl();
        }

        @Test
        @Order(1)
        void uploads(EmulatorHandle emulator) {
            SEEN.add(emulator.flinkUrl());
            new FlinkClient(emulator).uploadJar("com.example.Job");
            emulator.faults().add(Fault.respond(500));
        }

        @Test
        @Order(2)
        void seesNothingOfTheFirstTest(EmulatorHandle emulator) {
            SEEN.add(emulator.flinkUrl());
            assertThat(new FlinkClient(emulator).http().get("/jars").json().path("files")).isEmpty();
            assertThat(emulator.faults().list()).isEmpty();
        }
    }

    @Test
    void aServerPerClassIsSharedAndResetBetweenTests() {
        Scenarios.Results results = Scenarios.run(ServerPerClass.class);

        assertThat(results.of("uploads").getStatus()).isEqualTo(TestExecutionResult.Status.SUCCESSFUL);
        assertThat(results.of("seesNothingOfTheFirstTest").getStatus())
                .isEqualTo(TestExecutionResult.Status.SUCCESSFUL);
        assertThat(SEEN).containsExactly(ServerPerClass.serverUrl, ServerPerClass.serverUrl);
    }

    @Scenario
    @WithEmulator
    static class NestedClasses {
        @Test
        void outer(EmulatorHandle emulator) {
            SEEN.add(emulator.flinkUrl());
        }

        @Nested
        class First {
            @Test
            void inner(EmulatorHandle emulator) {
                SEEN.add(emulator.flinkUrl());
            }
        }

        @Nested
        class Second {
            @Test
            void inner(EmulatorHandle emulator) {
                assertThat(emulator.isHealthy()).isTrue();
                SEEN.add(emulator.flinkUrl());
            }
        }
    }

    @Test
    void nestedClassesShareTheOuterClassesServer() {
        Scenarios.Results results = Scenarios.run(NestedClasses.class);

        assertThat(results.tests()).hasSize(3).extracting(TestExecutionResult::getStatus)
                .containsOnly(TestExecutionResult.Status.SUCCESSFUL);
        assertThat(SEEN).hasSize(3).containsOnly(SEEN.get(0));
    }

    @Scenario
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class StateKeptWithoutReset {
        @RegisterExtension
        static final EmulatorExtension EMULATOR = EmulatorExtension.perClass().resetBetweenTests(false)
                .withConfig(EmulatorConfig.forTests().withTiming(TimingProfile.INSTANT));

        @Test
        @Order(1)
        void uploads() {
            new FlinkClient(EMULATOR.handle()).uploadJar("com.example.Job");
        }

        @Test
        @Order(2)
        void seesTheFirstTestsJar() {
            SEEN.add(String.valueOf(new FlinkClient(EMULATOR.handle()).http().get("/jars").json().path("files")
                    .size()));
        }
    }

    @Test
    void withoutResetTheNextTestSeesThePreviousState() {
        Scenarios.Results results = Scenarios.run(StateKeptWithoutReset.class);

        assertThat(results.of("seesTheFirstTestsJar").getStatus()).isEqualTo(TestExecutionResult.Status.SUCCESSFUL);
        assertThat(SEEN).containsExactly("1");
    }

    @Scenario
    @WithEmulator(lifecycle = ServerLifecycle.PER_TEST)
    static class InjectionIntoBeforeAllWithAServerPerTest {
        @BeforeAll
        static void tooEarly(EmulatorHandle emulator) {
        }

        @Test
        void test() {
        }
    }

    @Test
    void aServerPerTestCannotBeInjectedBeforeAll() {
        Scenarios.Results results = Scenarios.run(InjectionIntoBeforeAllWithAServerPerTest.class);

        assertThat(results.failure("InjectionIntoBeforeAllWithAServerPerTest"))
                .contains("with a server per test there is no emulator yet")
                .contains("inject EmulatorHandle into test, @BeforeEach or @AfterEach methods");
    }

    @Scenario
    static class RemoteServer {
        static EmulatorUrls urls;

        @RegisterExtension
        static final EmulatorExtension EMULATOR = EmulatorExtension.remote(() -> urls);

        @Test
        void usesItsOwnNamespace(EmulatorHandle emulator) {
            SEEN.add(emulator.namespace());
            SEEN.add(EMULATOR.handle().flinkUrl());
            new FlinkClient(emulator).uploadJar("com.example.Job");
            assertThat(emulator.namespaces()).contains(emulator.namespace());
        }
    }

    @Test
    void aRemoteServerIsControlledOverHttpAndEachTestGetsANamespace() throws Exception {
        try (Emulator emulator = Emulator.start(EmulatorConfig.forTests())) {
            RemoteServer.urls = EmulatorUrls.of(emulator);

            Scenarios.Results results = Scenarios.run(RemoteServer.class);

            assertThat(results.of("usesItsOwnNamespace").getStatus()).isEqualTo(TestExecutionResult.Status.SUCCESSFUL);
            String namespace = SEEN.get(0);
            assertThat(namespace).startsWith("usesItsOwnNamespace-");
            assertThat(SEEN.get(1)).isEqualTo(emulator.flinkUrl() + "/_ns/" + namespace);
            assertThat(EmulatorHandle.of(emulator).namespaces()).containsExactly("default");
            assertThat(new TestHttp(emulator.flinkUrl()).get("/jars").json().path("files")).isEmpty();
        }
    }

    @Test
    void aRemoteServerThatDoesNotAnswerIsReportedWithItsUrls() {
        RemoteServer.urls = new EmulatorUrls("http://127.0.0.1:1", null, null);

        Scenarios.Results results = Scenarios.run(RemoteServer.class);

        assertThat(results.failure("RemoteServer"))
                .startsWith("no emulator answers at EmulatorUrls[flink=http://127.0.0.1:1, jobserver=null");
    }
}
