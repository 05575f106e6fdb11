package cn.yiyang.stores.dynamo;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * The DynamoDB calls a thread makes while it is recording, by operation name: how tests and the
 * harness count the round trips a request waits for (a call made on another thread, such as a
 * usage count in parallel, is not the request's). Installed only with
 * {@code yiyang.dynamo.call-log.enabled=true}.
 */
public final class DynamoCallLog implements ExecutionInterceptor {

    /** A request makes far fewer; a runaway loop stops being recorded here. */
    public static final int CALLS_RECORDED_MAX = 1_000;
    private static final ThreadLocal<List<String>> RECORDING = new ThreadLocal<>();

    /** Starts recording this thread's calls, forgetting any earlier recording. */
    public static void start() {
        RECORDING.set(new ArrayList<>());
    }

    /** Stops recording and answers the calls made since {@link #start()}, in order. */
    public static List<String> stop() {
        List<String> calls = RECORDING.get();
        RECORDING.remove();
        return calls == null ? List.of() : List.copyOf(calls);
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        List<String> calls = RECORDING.get();
        if (calls != null && calls.size() < CALLS_RECORDED_MAX) {
            calls.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
        }
    }
}
