package cn.yiyang.localgateway.reach;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.gateway.dispatch.ApiDispatcher;
import cn.yiyang.localgateway.reach.UndeclaredRefusals.Allowance;
import cn.yiyang.localgateway.reach.UndeclaredRefusals.Findings;
import cn.yiyang.testing.StoresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every refusal a route's operation can reach is declared by its binding (issue 15's safety net).
 * Scenario tests and {@code ContractCheck} only see the codes some test triggers; this reads every
 * function's bytecode from each binding's handler (see {@link RefusalReach}) and compares what it
 * reaches with what the live binding answers with. A failure lists route → codes to add with
 * {@code .refuses(…)} (then regenerate the API document and the client). A code reached only on a
 * path the route cannot take goes in {@link #ALLOWANCES}, with the reason; keep that list short.
 */
@QuarkusTest
@QuarkusTestResource(StoresTestResource.class)
class RefusalReachTest {

    static final List<Allowance> ALLOWANCES = List.of(
            // The offered hours name, per hour, the refusal booking would answer: BookingSlot.checkStart's
            // exception is caught and its code answered as data, never as this route's refusal.
            new Allowance("GET /v1/booking-times", "BookingProblem.BOOKING_IN_THE_PAST", "caught: an hour's refusal, answered as data"),
            new Allowance("GET /v1/booking-times", "BookingProblem.BOOKING_TOO_SOON", "caught: an hour's refusal, answered as data"),
            // A reversal is the posted transfer's two accounts (one fund line, never the same) swapped, of kind
            // REVERSAL: the ledger's account checks it passes through cannot fail for it.
            new Allowance("POST /v1/transfers/{id}/reverse", "FundProblem.SAME_ACCOUNT", "a reversal swaps two distinct accounts"),
            new Allowance("POST /v1/transfers/{id}/reverse", "FundProblem.FUND_LINE_MISMATCH", "both accounts are the original's line"),
            new Allowance("POST /v1/transfers/{id}/reverse", "FundProblem.SOURCE_NOT_PAYABLE", "a REVERSAL is not a PAYMENT"));

    @Inject
    ApiDispatcher dispatcher;

    @Test
    void everyReachableRefusal_isDeclaredByItsBinding() {
        ClassLoader loader = getClass().getClassLoader();
        ClassGraph graph = new ClassGraph(CompiledClasses.mainClasses(ClassLoader.getSystemClassLoader()));

        Findings findings = UndeclaredRefusals.check(graph, dispatcher.bindings(), ALLOWANCES, loader);

        assertThat(dispatcher.bindings()).hasSizeGreaterThan(100);
        // The walk follows the service through interfaces, lambdas and shared code: the meal order's refusals,
        // the resident card's status among them, are reached.
        assertThat(findings.reached().get("POST /v1/meal-orders")).contains("MealProblem.MEAL_SOLD_OUT",
                "MealProblem.MEAL_CUTOFF_PASSED", "ResidentStatusProblem.RESIDENT_INACTIVE");
        System.out.printf("RefusalReachTest: %d bindings, %d reach a problem code, %d route-code pairs%n",
                dispatcher.bindings().size(), findings.reached().size(),
                findings.reached().values().stream().mapToInt(java.util.Set::size).sum());
        assertThat(findings.unseenBindings()).as("bindings whose handlers the bytecode walk did not find").isEmpty();
        assertThat(findings.undeclared()).as("route -> reachable codes its binding does not declare").isEmpty();
        assertThat(findings.unusedAllowances()).as("allowances no longer needed").isEmpty();
    }
}
