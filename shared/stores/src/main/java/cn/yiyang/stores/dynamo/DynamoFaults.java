package cn.yiyang.stores.dynamo;

import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Faults injected into DynamoDB calls, for the proof harness: added latency, and failures either
 * before a request is sent (the store never saw it) or after its answer came back (the store did
 * the work, the caller never heard) — the case an Idempotency-Key must make safe to retry. Only
 * installed when {@code yiyang.dynamo.faults.enabled=true} (the local gateway on request), and
 * inert until {@link #set} is called.
 */
public final class DynamoFaults implements ExecutionInterceptor {

    public static final long LATENCY_MILLIS_MAX = 5_000;

    private static volatile Settings current = new Settings(0, 0);

    /** Latency added to every call; the percentage of calls that fail, half before sending and half after the answer. */
    public record Settings(long latencyMillis, int failurePercent) {
        public Settings {
            if (latencyMillis < 0 || latencyMillis > LATENCY_MILLIS_MAX || failurePercent < 0 || failurePercent > 100) {
                throw new IllegalArgumentException("latency 0.." + LATENCY_MILLIS_MAX + " ms, failures 0..100 %");
            }
        }
    }

    public static void set(Settings settings) {
        current = settings;
    }

    public static Settings current() {
        return current;
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        Settings s = current;
        if (s.latencyMillis() > 0) {
            try {
                Thread.sleep(s.latencyMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (fails(s)) {
            throw SdkClientException.create("injected fault: the request was not sent");
        }
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        if (fails(current)) {
            throw SdkClientException.create("injected fault: the answer was lost");
        }
    }

    private static boolean fails(Settings s) {
        return s.failurePercent() > 0 && ThreadLocalRandom.current().nextInt(200) < s.failurePercent();
    }
}
