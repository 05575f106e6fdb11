package cn.yiyang.meals.orders;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.kernel.access.Action;
import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.route.Role;
import cn.yiyang.cards.residents.ResidentCard;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Who may act on a resident's meal order, and when the resident's card must be read to know. */
class MealAccessTest {

    private static final String RESIDENT = "r-chen";
    private static final String POINT = "mp-wensan";
    private static final ResidentCard CARD = new ResidentCard("330105", RESIDENT, "陈阿婆", LocalDate.of(1940, 5, 1),
            Set.of(), null, ResidentCard.ACTIVE, "330105001", "文三路 8 号", "138****5678", Set.of("wx-daughter"));

    static Stream<Arguments> callers() {
        return Stream.of(
                Arguments.of("an operator", caller("operator-7", Role.OPERATOR), Optional.of(CARD), true, false),
                Arguments.of("the canteen of the order's meal point", canteen(POINT), Optional.of(CARD), true, false),
                Arguments.of("the canteen of another meal point", canteen("mp-other"), Optional.of(CARD), false, false),
                Arguments.of("a canteen token naming no meal point", caller("canteen-1", Role.CANTEEN), Optional.of(CARD),
                        false, false),
                Arguments.of("an officer", caller("officer-1", Role.OFFICER), Optional.of(CARD), true, false),
                Arguments.of("the resident", caller(RESIDENT, Role.RESIDENT), Optional.of(CARD), true, false),
                Arguments.of("another resident", caller("r-lin", Role.RESIDENT), Optional.of(CARD), false, false),
                Arguments.of("a linked family member", caller("wx-daughter", Role.FAMILY), Optional.of(CARD), true, true),
                Arguments.of("an unlinked family member", caller("wx-someone", Role.FAMILY), Optional.of(CARD), false, true),
                Arguments.of("a family member whose token's org names the resident (WeChat-bound)",
                        new Caller("wx-bound", "330105", Set.of(Role.FAMILY), Map.of(Role.FAMILY, Set.of(RESIDENT))),
                        Optional.of(CARD), true, false),
                Arguments.of("family of a resident with no card", caller("wx-daughter", Role.FAMILY), Optional.empty(),
                        false, true),
                Arguments.of("a volunteer", caller("v-1", Role.VOLUNTEER), Optional.of(CARD), false, false),
                Arguments.of("a family member named as the resident's id", caller(RESIDENT, Role.FAMILY), Optional.of(CARD),
                        false, true));
    }

    @ParameterizedTest(name = "{0}: may act {3}, card read {4}")
    @MethodSource("callers")
    void anOrder_isForCountyStaff_theCanteenOfItsPoint_theResident_andLinkedFamily(String name, Caller caller, Optional<ResidentCard> card,
                                                         boolean mayAct, boolean cardRead) {
        AtomicInteger reads = new AtomicInteger();
        Supplier<Optional<ResidentCard>> currentCard = () -> {
            reads.incrementAndGet();
            return card;
        };

        assertThat(MealAccess.mayActForOrder(caller, RESIDENT, POINT, Action.READ, currentCard)).isEqualTo(mayAct);
        assertThat(reads.get()).as("card reads").isEqualTo(cardRead ? 1 : 0);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"OPERATOR, HOTLINE", "CANTEEN, ON_SITE", "RESIDENT, MINI_PROGRAM", "FAMILY, MINI_PROGRAM"})
    void theChannel_isTheRoleOfWhoeverPlacedTheOrder(Role role, Channel expected) {
        assertThat(Channel.of(caller("someone", role))).isEqualTo(expected);
    }

    private static Caller canteen(String pointId) {
        return new Caller("canteen-1", "330105", Set.of(Role.CANTEEN), Map.of(Role.CANTEEN, Set.of(pointId)));
    }

    private static Caller caller(String subject, Role role) {
        return new Caller(subject, "330105", Set.of(role));
    }
}
