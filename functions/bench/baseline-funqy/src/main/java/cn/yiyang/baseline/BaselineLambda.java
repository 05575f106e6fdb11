package cn.yiyang.baseline;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.quarkus.funqy.Funq;
import java.util.Map;

/**
 * The smallest Lambda our functions could be: Quarkus, Funqy and the same API Gateway v2 event
 * in and response out, with no route table, token, store or JSON body of ours. The harness
 * measures its cold start and RSS beside each function's, in the same run, as the baseline.
 */
public class BaselineLambda {

    @Funq("baseline")
    public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(200)
                .withHeaders(Map.of("Content-Type", "application/json"))
                .withBody("{}")
                .build();
    }
}
