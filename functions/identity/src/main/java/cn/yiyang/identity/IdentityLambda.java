package cn.yiyang.identity;

import cn.yiyang.gateway.dispatch.ApiDispatcher;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;

/** The identity Lambda: one Funqy function taking API Gateway v2 events for all its routes. */
public class IdentityLambda {

    @Inject
    ApiDispatcher dispatcher;

    @Funq("identity")
    public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
        return dispatcher.handle(event);
    }
}
