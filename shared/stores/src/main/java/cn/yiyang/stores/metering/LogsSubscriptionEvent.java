package cn.yiyang.stores.metering;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What a CloudWatch Logs subscription filter invokes a Lambda with: {@code {"awslogs":{"data":"<base64 of
 * gzip of the JSON batch>"}}} ({@link LogsBatch}).
 */
@RegisterForReflection
public record LogsSubscriptionEvent(Awslogs awslogs) {

    @RegisterForReflection
    public record Awslogs(String data) {
    }
}
