package cn.yiyang.stores.dynamo;

import cn.yiyang.kernel.problem.FailureClassifier;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.problem.CommonProblem;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * DynamoDB unreachable, timing out or throttling, past the SDK's own retries: 503
 * STORE_UNAVAILABLE, which a client retries under its Idempotency-Key, never a 500.
 */
@ApplicationScoped
public class DynamoFailures implements FailureClassifier {

    static final Set<String> THROTTLING = Set.of("ProvisionedThroughputExceededException", "RequestLimitExceeded",
            "ThrottlingException", "LimitExceededException");

    @Override
    public Optional<ApiException> classify(Throwable failure) {
        boolean unreachable = FailureClassifier.find(failure, SdkClientException.class).isPresent();
        boolean unavailable = FailureClassifier.find(failure, AwsServiceException.class)
                .map(e -> e.statusCode() >= 500 || (e.awsErrorDetails() != null && THROTTLING.contains(e.awsErrorDetails().errorCode())))
                .orElse(false);
        if (unreachable || unavailable) {
            return Optional.of(new ApiException(CommonProblem.STORE_UNAVAILABLE, "DynamoDB is unavailable"));
        }
        return Optional.empty();
    }
}
