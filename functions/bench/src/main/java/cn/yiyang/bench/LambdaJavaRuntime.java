package cn.yiyang.bench;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;

/**
 * A stand-in for the AWS Lambda managed Java runtime, which is what runs a JVM-mode Quarkus
 * function: the runner jar has no poll loop of its own (Quarkus starts one only in a native
 * image). Like the runtime interface client, it creates the handler named by {@code _HANDLER}
 * during init (Funqy's handler initialises Quarkus there), then polls the Runtime API and calls
 * {@code handleRequest} once per invocation (the first call starts Quarkus). Runs in the child
 * JVM, with the function's runner jar (and its lib/) on the class path.
 */
public final class LambdaJavaRuntime {

    /** {@code -Dyiyang.runtime.phases=true}: print each milestone of the launch (the harness's cold-start phases). */
    static final String PHASES_PROPERTY = "yiyang.runtime.phases";
    /** A milestone line: {@code yiyang-phase <name> <JVM uptime ms> <classes loaded so far>}. */
    static final String PHASE_PREFIX = "yiyang-phase ";

    private LambdaJavaRuntime() {
    }

    public static void main(String[] args) throws Exception {
        boolean phases = Boolean.getBoolean(PHASES_PROPERTY);
        if (phases) {
            phase("main");
        }
        String api = "http://" + System.getenv("AWS_LAMBDA_RUNTIME_API") + "/2018-06-01/runtime/";
        String handlerClass = System.getenv("_HANDLER").split("::")[0];
        RequestStreamHandler handler;
        try {
            handler = (RequestStreamHandler) Class.forName(handlerClass).getDeclaredConstructor().newInstance();
        } catch (Throwable e) {
            // As AWS's runtime does: the trace goes to the function's log before the error is reported.
            e.printStackTrace();
            System.err.flush();
            post(api + "init/error", error(e));
            throw e;
        }
        if (phases) {
            phase("init-done");
        }
        boolean first = true;
        while (true) {
            HttpURLConnection next;
            byte[] event;
            try {
                next = (HttpURLConnection) new URL(api + "invocation/next").openConnection();
                try (InputStream in = next.getInputStream()) {
                    event = in.readAllBytes();
                }
            } catch (IOException e) {
                // The Runtime API is gone: so is the sandbox.
                System.exit(1);
                return;
            }
            if (first && phases) {
                phase("first-event");
            }
            String id = next.getHeaderField("Lambda-Runtime-Aws-Request-Id");
            Invocation context = new Invocation(id, next.getHeaderField("Lambda-Runtime-Invoked-Function-Arn"),
                    Long.parseLong(next.getHeaderField("Lambda-Runtime-Deadline-Ms")));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                handler.handleRequest(new ByteArrayInputStream(event), out, context);
                if (first && phases) {
                    phase("first-answer");
                }
                post(api + "invocation/" + id + "/response", out.toByteArray());
            } catch (Throwable e) {
                post(api + "invocation/" + id + "/error", error(e));
            }
            first = false;
        }
    }

    /** Management classes load only in a launch that prints its phases, never in a measured one. */
    private static void phase(String name) {
        System.out.println(PHASE_PREFIX + name + " " + java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime()
                + " " + java.lang.management.ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount());
        System.out.flush();
    }

    private static void post(String url, byte[] body) throws IOException {
        HttpURLConnection post = (HttpURLConnection) new URL(url).openConnection();
        post.setRequestMethod("POST");
        post.setDoOutput(true);
        post.setConnectTimeout(5_000);
        post.setReadTimeout(5_000);
        try (OutputStream out = post.getOutputStream()) {
            out.write(body);
        }
        // The answer read to its end and closed, never disconnect(): the connection goes back to the JDK's keep-alive
        // cache and the next call reuses it, as AWS's runtime client keeps its one connection to the Runtime API.
        try (InputStream answer = post.getResponseCode() < 400 ? post.getInputStream() : post.getErrorStream()) {
            if (answer != null) {
                answer.readAllBytes();
            }
        }
    }

    private static byte[] error(Throwable e) {
        String message = String.valueOf(e.getMessage()).replace("\\", "\\\\").replace("\"", "'");
        return ("{\"errorType\":\"" + e.getClass().getName() + "\",\"errorMessage\":\"" + message + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private record Invocation(String requestId, String arn, long deadlineMs) implements Context {

        @Override
        public String getAwsRequestId() {
            return requestId;
        }

        @Override
        public String getLogGroupName() {
            return System.getenv("AWS_LAMBDA_LOG_GROUP_NAME");
        }

        @Override
        public String getLogStreamName() {
            return System.getenv("AWS_LAMBDA_LOG_STREAM_NAME");
        }

        @Override
        public String getFunctionName() {
            return System.getenv("AWS_LAMBDA_FUNCTION_NAME");
        }

        @Override
        public String getFunctionVersion() {
            return System.getenv("AWS_LAMBDA_FUNCTION_VERSION");
        }

        @Override
        public String getInvokedFunctionArn() {
            return arn;
        }

        @Override
        public CognitoIdentity getIdentity() {
            return null;
        }

        @Override
        public ClientContext getClientContext() {
            return null;
        }

        @Override
        public int getRemainingTimeInMillis() {
            return (int) Math.max(0, deadlineMs - System.currentTimeMillis());
        }

        @Override
        public int getMemoryLimitInMB() {
            return Integer.parseInt(System.getenv().getOrDefault("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024"));
        }

        @Override
        public LambdaLogger getLogger() {
            return new LambdaLogger() {
                @Override
                public void log(String message) {
                    System.out.println(message);
                }

                @Override
                public void log(byte[] message) {
                    System.out.println(new String(message, StandardCharsets.UTF_8));
                }
            };
        }
    }
}
