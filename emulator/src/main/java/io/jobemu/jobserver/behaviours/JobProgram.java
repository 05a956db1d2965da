package io.jobemu.jobserver.behaviours;

import com.typesafe.config.Config;

/** A job class the emulated server can load: the context type it needs and what it does with a config. */
public interface JobProgram {

    String DEFAULT_CONTEXT_FACTORY = "spark.jobserver.context.DefaultSparkContextFactory";

    /** The context factory whose contexts accept this job (a plain {@code SparkJob} needs the default one). */
    String contextFactory();

    /** Validates {@code jobConfig} and decides the run. */
    JobPlan plan(Config jobConfig);
}
