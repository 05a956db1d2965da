package io.jobemu.jobserver;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobemu.core.http.Json;
import java.util.List;

/**
 * An exception as the real server reports it: {@code {"message","errorClass","stack"}}, where {@code stack} is the
 * {@code printStackTrace} text. Emulated exceptions get a few plausible frames of the server code that throws
 * them; a null message prints as JSON null and leaves the first stack line without ": message".
 */
public record ErrorData(String message, String errorClass, String stack) {

    /** Frames under which the job server's actors run a job or answer a request. */
    public static final List<String> JOB_FRAMES = List.of(
            "spark.jobserver.JobManagerActor.$anonfun$getJobFuture$1(JobManagerActor.scala:621)",
            "scala.concurrent.Future$.$anonfun$apply$1(Future.scala:659)",
            "scala.util.Success.$anonfun$map$1(Try.scala:255)",
            "scala.concurrent.impl.CallbackRunnable.run(Promise.scala:64)",
            "java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1149)",
            "java.lang.Thread.run(Thread.java:748)");
    public static final List<String> WEB_API_FRAMES = List.of(
            "spark.jobserver.WebApi.$anonfun$jobRoutes$1(WebApi.scala:803)",
            "akka.http.scaladsl.server.directives.BasicDirectives.$anonfun$mapRouteResult$2(BasicDirectives.scala:68)",
            "akka.dispatch.TaskInvocation.run(AbstractDispatcher.scala:40)",
            "akka.dispatch.forkjoin.ForkJoinWorkerThread.run(ForkJoinWorkerThread.java:107)");

    /** An exception of class {@code errorClass}, thrown under {@code frames}. */
    public static ErrorData of(String errorClass, String message, List<String> frames) {
        StringBuilder stack = new StringBuilder(errorClass);
        if (message != null) {
            stack.append(": ").append(message);
        }
        stack.append('\n');
        frames.forEach(frame -> stack.append("\tat ").append(frame).append('\n'));
        return new ErrorData(message, errorClass, stack.toString());
    }

    /** A Java exception raised while handling a request (its class and message are the real ones). */
    public static ErrorData ofWebApi(Exception exception) {
        return of(exception.getClass().getName(), exception.getMessage(), WEB_API_FRAMES);
    }

    /** This exception wrapped as the cause of a {@code wrapperClass} (as {@code new RuntimeException(cause)}). */
    public ErrorData wrappedIn(String wrapperClass) {
        String text = message == null ? errorClass : errorClass + ": " + message;
        ErrorData wrapper = of(wrapperClass, text, WEB_API_FRAMES);
        return new ErrorData(text, wrapperClass, wrapper.stack() + "Caused by: " + stack);
    }

    /** {@code {"message","errorClass","stack"}}: a three-entry Scala map keeps this order. */
    public ObjectNode toJson() {
        ObjectNode node = Json.object();
        node.put("message", message);
        node.put("errorClass", errorClass);
        node.put("stack", stack);
        return node;
    }
}
