package io.jobemu.jobserver.behaviours;

import com.typesafe.config.Config;

/** A job class the emulated server can load: which contexts load it and what it does with a config. */
public interface JobProgram {

    String DEFAULT_CONTEXT_FACTORY = "spark.jobserver.context.DefaultSparkContextFactory";

    /** What a context made by {@code contextFactory} makes of this class (its factory's loadAndValidateJob). */
    Loading load(String contextFactory);

    /** Validates {@code jobConfig} and decides the run. */
    JobPlan plan(Config jobConfig, JobEnvironment environment);

    /** How loading the class into a context ended. */
    sealed interface Loading {
        record Loaded() implements Loading {}

        /** The class loads but is not a job of the context's type. */
        record WrongType() implements Loading {}

        /** No such class on the context's class path. */
        record NotFound() implements Loading {}

        /** Loading threw {@code errorClass(message)}, for example a ClassCastException. */
        record Failed(String errorClass, String message) implements Loading {}
    }
}
