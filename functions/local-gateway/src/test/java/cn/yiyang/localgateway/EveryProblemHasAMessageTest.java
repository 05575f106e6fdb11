package cn.yiyang.localgateway;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.bookings.BookingProblem;
import cn.yiyang.funds.FundProblem;
import cn.yiyang.identity.tokens.IdentityProblem;
import cn.yiyang.kernel.problem.CommonProblem;
import cn.yiyang.kernel.problem.ProblemCode;
import cn.yiyang.kernel.problem.UserMessages;
import cn.yiyang.kernel.resident.ResidentStatusProblem;
import cn.yiyang.meals.MealProblem;
import cn.yiyang.residents.registry.ResidentProblem;
import cn.yiyang.timebank.TimeBankProblem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every problem code of every function answers its own plain-Chinese message (never the generic
 * fallback), from the resource its enum names; and a code name means one thing in the whole API.
 */
class EveryProblemHasAMessageTest {

    private static List<ProblemCode> everyCode() {
        return Stream.of(CommonProblem.values(), ResidentStatusProblem.values(), ResidentProblem.values(),
                        MealProblem.values(), BookingProblem.values(), TimeBankProblem.values(), FundProblem.values(),
                        IdentityProblem.values())
                .flatMap(Stream::of).map(ProblemCode.class::cast).toList();
    }

    @Test
    void everyCode_hasAPlainChineseMessageInItsOwnFunctionsBundle() {
        List<String> missing = new ArrayList<>();
        for (ProblemCode code : everyCode()) {
            if (!UserMessages.has(code) || !UserMessages.of(code).matches(".*[\\u4e00-\\u9fff].*")) {
                missing.add(code.getClass().getSimpleName() + "." + code.name() + " in " + code.messages());
            }
        }

        assertThat(everyCode()).hasSizeGreaterThan(100);
        assertThat(missing).isEmpty();
    }

    @Test
    void aCodeName_isDefinedOnce_inTheWholeApi() {
        Map<String, String> owner = new HashMap<>();
        List<String> twice = new ArrayList<>();
        for (ProblemCode code : everyCode()) {
            String previous = owner.put(code.name(), code.getClass().getSimpleName());
            if (previous != null) {
                twice.add(code.name() + " in " + previous + " and " + code.getClass().getSimpleName());
            }
        }

        assertThat(twice).isEmpty();
    }
}
