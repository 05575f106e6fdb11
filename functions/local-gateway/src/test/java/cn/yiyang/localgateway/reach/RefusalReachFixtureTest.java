package cn.yiyang.localgateway.reach;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.localgateway.reach.ClassGraph.MethodRef;
import cn.yiyang.localgateway.reach.RefusalReach.BindingSite;
import cn.yiyang.localgateway.reach.UndeclaredRefusals.Allowance;
import cn.yiyang.localgateway.reach.UndeclaredRefusals.Findings;
import cn.yiyang.localgateway.reach.fixture.DoorShelf;
import cn.yiyang.localgateway.reach.fixture.ParcelApi;
import cn.yiyang.localgateway.reach.fixture.ParcelProblem;
import cn.yiyang.localgateway.reach.fixture.ParcelService;
import cn.yiyang.localgateway.reach.fixture.ParcelShelf;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The reachability check can fail: over a tiny class graph (a binding, its service, an interface
 * and its one implementation, a problem enum) whose binding forgets the refusal its service reaches
 * through a method reference to an interface, it names that route and that code, and only that.
 */
class RefusalReachFixtureTest {

    private static final ClassGraph FIXTURE = new ClassGraph(CompiledClasses.of(ParcelApi.class, ParcelService.class,
            ParcelShelf.class, DoorShelf.class, ParcelProblem.class));
    private static final String FETCH = "GET /v1/parcels";

    @Test
    void theBindingSite_isItsRouteAndItsServiceMethod() {
        List<BindingSite> sites = new RefusalReach(FIXTURE).bindingSites();

        assertThat(sites).containsExactly(new BindingSite("cn/yiyang/localgateway/reach/fixture/ParcelApi", "FETCH",
                List.of(new MethodRef("cn/yiyang/localgateway/reach/fixture/ParcelService", "fetch",
                        "(Lcn/yiyang/kernel/api/Caller;Lcn/yiyang/kernel/api/NoInput;)Lcn/yiyang/kernel/api/Reply;"))));
    }

    @Test
    void aRefusalBehindAnInterfaceAndAMethodReference_isReached_andAnUnusedConstantIsNot() {
        RefusalReach reach = new RefusalReach(FIXTURE);

        assertThat(reach.reachable(reach.bindingSites().get(0).handlers()))
                .extracting(Object::toString).containsExactly("ParcelProblem.PARCEL_GONE", "ParcelProblem.PARCEL_LATE");
    }

    @Test
    void theCheck_failsOnTheOneUndeclaredCode_namingItsRoute() {
        Findings findings = UndeclaredRefusals.check(FIXTURE, List.of(ParcelApi.binding(service())), List.of(), loader());

        assertThat(findings.clean()).isFalse();
        assertThat(findings.undeclared()).isEqualTo(Map.of(FETCH, Set.of("ParcelProblem.PARCEL_GONE")));
        assertThat(findings.unseenBindings()).isEmpty();
    }

    @Test
    void anAllowance_keepsTheCheckExact_andOneNoLongerNeededFailsIt() {
        Allowance gone = new Allowance(FETCH, "ParcelProblem.PARCEL_GONE", "the fixture's shelf is never empty");
        Allowance stale = new Allowance(FETCH, "ParcelProblem.PARCEL_LATE", "declared, so never needed");

        assertThat(UndeclaredRefusals.check(FIXTURE, List.of(ParcelApi.binding(service())), List.of(gone), loader())
                .clean()).isTrue();
        assertThat(UndeclaredRefusals.check(FIXTURE, List.of(ParcelApi.binding(service())), List.of(gone, stale),
                loader()).unusedAllowances()).containsExactly(stale);
    }

    private static ParcelService service() {
        return new ParcelService(new DoorShelf());
    }

    private static ClassLoader loader() {
        return RefusalReachFixtureTest.class.getClassLoader();
    }
}
