package cn.yiyang.localgateway;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.gateway.dispatch.ApiDispatcher;
import cn.yiyang.identity.IdentityTestResource;
import cn.yiyang.identity.WeChatFixtures;
import cn.yiyang.meals.MealFixtures;
import cn.yiyang.cards.residents.ResidentCard;
import cn.yiyang.testing.ApiAnswer;
import cn.yiyang.testing.Door;
import cn.yiyang.testing.HttpDoor;
import cn.yiyang.testing.InProcessLambdaDoor;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * The other functions accept what the identity function issues: a resident signs in through the
 * mini-program (WeChat stand-in) and orders a meal with that token, over HTTP and through the
 * Lambda handler's dispatcher fed v2 events. No dev token is minted anywhere in this test.
 */
@QuarkusTest
@QuarkusTestResource(IdentityTestResource.class)
class SignInThenOrderTest {

    @Inject
    ApiDispatcher dispatcher;

    @Test
    void aResidentSignedInThroughWeChat_ordersTheirLunch_overHttp() {
        signInAndOrder(new HttpDoor(HttpPort.PORT));
    }

    @Test
    void aResidentSignedInThroughWeChat_ordersTheirLunch_throughTheLambdaHandler() {
        signInAndOrder(new InProcessLambdaDoor(dispatcher));
    }

    private static void signInAndOrder(Door door) {
        MealFixtures.policy(door, MealFixtures.POLICY);
        String point = MealFixtures.pointWithMenu(door, 10, 0);
        var resident = WeChatFixtures.publishResident(MealFixtures.COUNTY, ResidentCard.ACTIVE);
        String ticket = WeChatFixtures.ticketFor(door, MealFixtures.COUNTY, WeChatFixtures.newPerson());
        ApiAnswer bound = WeChatFixtures.bindResident(door, ticket, WeChatFixtures.phoneCode(resident.phone()), resident.idTail());
        String accessToken = bound.json().path("accessToken").asText();

        ApiAnswer order = door.send(MealFixtures.order(accessToken, resident.id(), point, MealFixtures.tomorrow(), "DINE_IN",
                "[{\"dishCode\":\"A1\",\"quantity\":1}]"));
        ApiAnswer forSomeoneElse = door.send(MealFixtures.order(accessToken, MealFixtures.resident(85), point,
                MealFixtures.tomorrow(), "DINE_IN", "[{\"dishCode\":\"A1\",\"quantity\":1}]"));

        assertThat(bound.status()).as(bound.toString()).isEqualTo(200);
        assertThat(order.status()).as(order.toString()).isEqualTo(201);
        assertThat(order.json().path("residentId").asText()).isEqualTo(resident.id());
        assertThat(forSomeoneElse.status()).as("a resident's token acts for that resident only").isIn(403, 404);
    }
}
