package cn.yiyang.residents;

import static cn.yiyang.residents.ResidentFixtures.COUNTY;
import static cn.yiyang.residents.ResidentFixtures.officer;
import static cn.yiyang.residents.ResidentFixtures.registration;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.kernel.route.Route;
import cn.yiyang.testing.ApiRequest;
import cn.yiyang.testing.Door;
import cn.yiyang.testing.DuplicateStorm;
import cn.yiyang.testing.DuplicateStorm.Case;
import cn.yiyang.testing.RetryingClient;
import cn.yiyang.testing.TestPeople;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Fifty duplicates at once on every idempotent residents route: the first answer for all, one effect. */
public abstract class ResidentsDuplicateStormScenarios {

    protected abstract Door door();

    private Door client() {
        return RetryingClient.around(door());
    }

    private Map<Route, Supplier<Case>> cases() {
        return Map.of(
                ResidentsRoutes.REGISTER, () -> {
                    String idNumber = TestPeople.idNumber();
                    return new Case(ApiRequest.post("/v1/residents", registration(idNumber, TestPeople.phone()))
                            .bearer(officer(COUNTY)).idempotencyKey(key()), () -> assertThat(client().send(ApiRequest.get("/v1/residents")
                            .query("idNumber", idNumber).bearer(officer(COUNTY))).json().path("items")).as("registered once").hasSize(1));
                },
                ResidentsRoutes.LINK_FAMILY, () -> {
                    String parent = ResidentFixtures.registerFresh(client(), COUNTY).json().path("id").asText();
                    return Case.of(ApiRequest.post("/v1/residents/" + parent + "/family-links",
                            "{\"familySubject\":\"wx-" + UUID.randomUUID() + "\",\"relation\":\"CHILD\"}")
                            .bearer(officer(COUNTY)).idempotencyKey(key()));
                });
    }

    @Test
    void theStormCases_coverExactlyTheIdempotentRoutesOfTheTable() {
        DuplicateStorm.assertCasesMatch(ResidentsRoutes.ALL, cases());
    }

    @TestFactory
    Stream<DynamicTest> fiftyDuplicatesAtOnce_onEveryIdempotentRoute_allGetTheFirstAnswer() {
        return DuplicateStorm.overEveryIdempotentRoute(ResidentsRoutes.ALL, cases(), door(), () -> { });
    }

    private static String key() {
        return "storm-" + UUID.randomUUID();
    }
}
