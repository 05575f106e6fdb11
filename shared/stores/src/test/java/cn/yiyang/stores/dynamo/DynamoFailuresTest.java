package cn.yiyang.stores.dynamo;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.problem.CommonProblem;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

/** DynamoDB out of reach or throttling is 503 STORE_UNAVAILABLE; a request DynamoDB refused as bad stays a fault of ours. */
class DynamoFailuresTest {

    private final DynamoFailures failures = new DynamoFailures();

    @Test
    void anUnreachableOrTimedOutStore_evenWrapped_isStoreUnavailable() {
        assertThat(code(failures.classify(new CompletionException(SdkClientException.create("Unable to execute HTTP request")))))
                .isEqualTo(CommonProblem.STORE_UNAVAILABLE);
    }

    @Test
    void throttlingAndServerErrors_areStoreUnavailable() {
        assertThat(code(failures.classify(ProvisionedThroughputExceededException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ProvisionedThroughputExceededException").build()).build())))
                .isEqualTo(CommonProblem.STORE_UNAVAILABLE);
        assertThat(code(failures.classify(DynamoDbException.builder().statusCode(500)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("InternalServerError").build()).build())))
                .isEqualTo(CommonProblem.STORE_UNAVAILABLE);
    }

    @Test
    void aValidationErrorOrABugOfOurs_isNotDressedUpAsUnavailable() {
        assertThat(failures.classify(DynamoDbException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ValidationException").build()).build())).isEmpty();
        assertThat(failures.classify(new IllegalStateException("a bug"))).isEmpty();
    }

    private static Object code(Optional<ApiException> answer) {
        assertThat(answer).isPresent();
        return answer.get().code();
    }
}
