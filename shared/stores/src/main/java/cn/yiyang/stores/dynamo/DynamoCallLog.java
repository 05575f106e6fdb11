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
 * background delivery, is not the request's); or, with {@link #startEverywhere}, every thread's, to show
 * that nothing beside the request called DynamoDB at all. Installed only with
 * {@code yiyang.dynamo.call-log.enabled=true}.
 */
public final class DynamoCallLog implements ExecutionInterceptor {

    /** A request makes far fewer; a runaway loop stops being recorded here. */
    public static final int CALLS_RECORDED_MAX = 1_000;
    private static final ThreadLocal<List<String>> RECORDING = new ThreadLocal<>();
    private static volatile List<String> everywhere;

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

    /** Starts recording the calls of every thread in the process. */
    public static void startEverywhere() {
        everywhere = java.util.Collections.synchronizedList(new ArrayList<>());
    }

    /** Stops recording every thread's calls and answers them, in the order they were made. */
    public static List<String> stopEverywhere() {
        List<String> calls = everywhere;
        everywhere = null;
        return calls == null ? List.of() : List.copyOf(calls);
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        List<String> calls = RECORDING.get();
        if (calls != null && calls.size() < CALLS_RECORDED_MAX) {
            calls.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
        }
        List<String> all = everywhere;
        if (all != null && all.size() < CALLS_RECORDED_MAX) {
            all.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
        }
    }
}
