package cn.yiyang.localgateway;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.bookings.BookingRoutes;
import cn.yiyang.gateway.dispatch.ApiDispatcher;
import cn.yiyang.kernel.route.Route;
import cn.yiyang.meals.MealRoutes;
import cn.yiyang.residents.ResidentsRoutes;
import cn.yiyang.testing.StoresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The local gateway holds every function at once: every declared route, no route twice, every job too. */
@QuarkusTest
@QuarkusTestResource(StoresTestResource.class)
class AllFunctionsTest {

    @Inject
    ApiDispatcher dispatcher;

    @Test
    void everyDeclaredRouteOfEveryFunction_isServedHere_once() {
        List<Route> declared = new ArrayList<>();
        declared.addAll(ResidentsRoutes.ALL);
        declared.addAll(MealRoutes.ALL);
        declared.addAll(BookingRoutes.ALL);
        declared.addAll(cn.yiyang.timebank.TimeBankRoutes.ALL);
        declared.addAll(cn.yiyang.funds.FundRoutes.ALL);
        declared.addAll(cn.yiyang.identity.IdentityRoutes.ALL);

        assertThat(dispatcher.routes()).containsExactlyInAnyOrderElementsOf(declared);
    }
}
