package io.jobemu.jobserver.behaviours;

import io.jobemu.jobserver.behaviours.JobProgram.Loading;

/**
 * The job trait a built-in class implements, which decides the contexts that run it. Each context factory loads
 * classes its own way: the Scala factories as {@code api.SparkJobBase}, the Java ones as {@code japi.BaseJavaJob}
 * (a class of the other language fails that cast), and the Python one hands any name to a Python process.
 */
enum JobApi {
    SPARK(Language.SCALA, "spark.jobserver.context.DefaultSparkContextFactory"),
    SESSION(Language.SCALA, "spark.jobserver.context.SessionContextFactory"),
    STREAMING(Language.SCALA, "spark.jobserver.context.StreamingContextFactory"),
    JAVA_SPARK(Language.JAVA, "spark.jobserver.context.JavaSparkContextFactory"),
    JAVA_SESSION(Language.JAVA, "spark.jobserver.context.JavaSessionContextFactory"),
    JAVA_STREAMING(Language.JAVA, "spark.jobserver.context.JavaStreamingContextFactory"),
    PYTHON(Language.PYTHON, "spark.jobserver.python.PythonSessionContextFactory");

    private enum Language {
        SCALA("spark.jobserver.api.SparkJobBase"), JAVA("spark.jobserver.japi.BaseJavaJob"), PYTHON(null);

        /** The type a factory of this language casts a loaded class to. */
        final String jobType;

        Language(String jobType) {
            this.jobType = jobType;
        }

        static Language of(String contextFactory) {
            if (contextFactory.startsWith("spark.jobserver.python.")) {
                return PYTHON;
            }
            return contextFactory.startsWith("spark.jobserver.context.Java") ? JAVA : SCALA;
        }
    }

    private final Language language;
    private final String contextFactory;

    JobApi(Language language, String contextFactory) {
        this.language = language;
        this.contextFactory = contextFactory;
    }

    /** The factory whose contexts run jobs of this trait. */
    String contextFactory() {
        return contextFactory;
    }

    boolean python() {
        return language == Language.PYTHON;
    }

    /**
     * What a context of {@code factory} makes of a class of this trait whose runtime class is {@code runtimeClass}
     * (a Scala {@code object} ends in {@code $}).
     */
    Loading loadInto(String factory, String runtimeClass) {
        Language loader = Language.of(factory);
        if (loader == Language.PYTHON) {
            return new Loading.Loaded();
        }
        if (language == Language.PYTHON) {
            return new Loading.NotFound();
        }
        if (language != loader) {
            return new Loading.Failed("java.lang.ClassCastException",
                    runtimeClass + " cannot be cast to " + loader.jobType);
        }
        return factory.equals(contextFactory) ? new Loading.Loaded() : new Loading.WrongType();
    }
}
