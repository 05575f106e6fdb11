package cn.yiyang.timebank;

import cn.yiyang.gateway.dispatch.ApiDispatcher;
import cn.yiyang.kernel.route.Job;
import cn.yiyang.testing.ApiAnswer;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A scheduled job's event handed to the dispatcher in process, as EventBridge hands it to the
 * Lambda: for the local gateway, which serves no job over HTTP (EventBridge never calls HTTP).
 */
public final class JobEvents {

    private JobEvents() {
    }

    public static ApiAnswer run(ApiDispatcher dispatcher, Job job, String county) {
        Map<String, Object> declared = job.event(List.of(county));
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey((String) declared.get("routeKey"))
                .withRawPath((String) declared.get("rawPath"))
                .withBody((String) declared.get("body"))
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRequestId(UUID.randomUUID().toString())
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("POST").build())
                        .build())
                .build();
        APIGatewayV2HTTPResponse response = dispatcher.handle(event);
        return new ApiAnswer(response.getStatusCode(), new HashMap<>(response.getHeaders()), response.getBody());
    }
}
