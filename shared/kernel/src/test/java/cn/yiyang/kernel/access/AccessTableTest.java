package cn.yiyang.kernel.access;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.route.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rule table without a door: the README prints it, and each kind of cell reaches what it says. */
class AccessTableTest {

    @Test
    void theReadme_printsTheVeryTableTheServicesConsult() throws IOException {
        String readme = Files.readString(Path.of("../../README.md"));

        assertThat(readme).contains(String.join("\n", AccessTable.markdown()));
    }

    @ParameterizedTest(name = "{0} {1} {2} → {3}")
    @CsvSource({
            "KITCHEN_DAY,    CANTEEN,   READ,   OWN",
            "KITCHEN_DAY,    OPERATOR,  READ,   NONE",
            "MEAL_POINT,     CANTEEN,   READ,   COUNTY",
            "MEAL_POINT,     CANTEEN,   ACT,    OWN",
            "BOOKING,        PROVIDER,  CREATE, NONE",
            "BOOKING,        CAREGIVER, CREATE, NONE",
            "BOOKING,        OFFICER,   CREATE, COUNTY",
            "VISIT,          CAREGIVER, ACT,    OWN",
            "SERVICE_RECORD, VOLUNTEER, ACT,    NONE",
            "ACCOUNT,        OPERATOR,  READ,   RESIDENTS",
            "EXCHANGE,       OPERATOR,  CREATE, RESIDENTS",
            "TRANSFER,       APPROVER,  CREATE, NONE",
            "USAGE,          PLATFORM,  READ,   COUNTY",
    })
    void aCell_saysHowFarTheRoleReaches(ObjectKind kind, Role role, Action action, Scope scope) {
        assertThat(AccessTable.scope(kind, role, action)).isEqualTo(scope);
    }

    @Test
    void aCountyCell_reachesEveryObject_withoutAskingWhoseItIs() {
        Caller officer = new Caller("officer-1", "330105", Set.of(Role.OFFICER));

        assertThat(AccessTable.reaches(officer, ObjectKind.KITCHEN_DAY, Action.READ, role -> {
            throw new AssertionError("asked");
        })).isTrue();
    }

    @Test
    void anOwnCell_reachesOnlyWhatTheObjectSaysIsTheCallers_andANoneCellNever() {
        Caller canteen = new Caller("canteen-1", "330105", Set.of(Role.CANTEEN), Map.of(Role.CANTEEN, Set.of("mp-1")));
        AtomicInteger asked = new AtomicInteger();

        boolean own = AccessTable.reaches(canteen, ObjectKind.KITCHEN_DAY, Action.READ,
                role -> asked.incrementAndGet() > 0 && canteen.actsFor(role, "mp-1"));
        boolean other = AccessTable.reaches(canteen, ObjectKind.KITCHEN_DAY, Action.READ, role -> canteen.actsFor(role, "mp-2"));
        boolean none = AccessTable.reaches(canteen, ObjectKind.TRANSFER, Action.READ, role -> {
            throw new AssertionError("a NONE cell asked");
        });

        assertThat(own).isTrue();
        assertThat(asked.get()).isEqualTo(1);
        assertThat(other).isFalse();
        assertThat(none).isFalse();
    }

    @Test
    void aTokenOfSeveralRoles_reachesWhatAnyOfItsRolesReaches() {
        Caller both = new Caller("staff-9", "330105", Set.of(Role.CANTEEN, Role.OPERATOR), Map.of(Role.CANTEEN, Set.of("mp-1")));

        assertThat(AccessTable.reaches(both, ObjectKind.MEAL_ORDER, Action.ACT, role -> false)).as("as operator").isTrue();
        assertThat(AccessTable.reaches(both, ObjectKind.KITCHEN_DAY, Action.READ, role -> false)).as("neither").isFalse();
    }

    @Test
    void everyObject_isReachedBySomeRole() {
        List<String> unreached = new ArrayList<>();
        for (ObjectKind kind : ObjectKind.values()) {
            boolean reached = false;
            for (Role role : Role.values()) {
                for (Action action : Action.values()) {
                    reached |= AccessTable.scope(kind, role, action) != Scope.NONE;
                }
            }
            if (!reached) {
                unreached.add(kind.name());
            }
        }
        assertThat(unreached).isEmpty();
    }
}
