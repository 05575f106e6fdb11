package cn.yiyang.meals;

import cn.yiyang.gateway.dispatch.ApiDispatcher;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;

/** The meal-orders Lambda: one Funqy function taking API Gateway v2 events for all its routes. */
public class MealOrdersLambda {

    @Inject
    ApiDispatcher dispatcher;

    @Funq("meal-orders")
    public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
        return dispatcher.handle(event);
    }
}
