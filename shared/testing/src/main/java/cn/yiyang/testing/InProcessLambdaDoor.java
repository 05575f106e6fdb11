package cn.yiyang.testing;

import cn.yiyang.gateway.dispatch.ApiDispatcher;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The Lambda handler's dispatcher called in process from many threads at once: what many Lambda
 * instances sharing one database do. (The mock event server runs one invocation at a time, as
 * one Lambda instance does, so it cannot show concurrency.)
 */
public final class InProcessLambdaDoor implements Door {

    private final ApiDispatcher dispatcher;

    public InProcessLambdaDoor(ApiDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Override
    public ApiAnswer send(ApiRequest request) {
        Map<String, String> headers = new HashMap<>();
        request.headers().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRawPath(request.path())
                .withHeaders(headers)
                .withQueryStringParameters(request.query().isEmpty() ? null : Map.copyOf(request.query()))
                .withBody(request.body())
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRequestId(UUID.randomUUID().toString())
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(request.method()).build())
                        .build())
                .build();
        APIGatewayV2HTTPResponse response = dispatcher.handle(event);
        Map<String, String> answerHeaders = new HashMap<>();
        response.getHeaders().forEach((k, v) -> answerHeaders.put(k.toLowerCase(Locale.ROOT), v));
        ApiAnswer answer = new ApiAnswer(response.getStatusCode(), answerHeaders, response.getBody());
        Answers.received();
        ContractCheck.verify(request, answer);
        return answer;
    }
}
