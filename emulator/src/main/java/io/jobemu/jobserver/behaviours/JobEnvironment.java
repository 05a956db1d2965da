package io.jobemu.jobserver.behaviours;

import com.typesafe.config.Config;
import java.util.List;
import java.util.function.Predicate;

/**
 * What a job can see of where it runs, besides its config.
 *
 * @param contextFactory the factory of its context
 * @param contextConfig  its context's settings, with the server's defaults below them
 * @param classPath      the entries of its own class path ({@code cp}), as given
 * @param earlierJobs    main classes of the jobs that finished before it in the same context, oldest first
 * @param dataFiles      which names are data files the server holds ({@code POST /data})
 */
public record JobEnvironment(String contextFactory, Config contextConfig, List<String> classPath,
                             List<String> earlierJobs, Predicate<String> dataFiles) {

    public JobEnvironment {
        classPath = List.copyOf(classPath);
        earlierJobs = List.copyOf(earlierJobs);
    }
}
