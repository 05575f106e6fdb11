package cn.yiyang.kernel.access;

import static cn.yiyang.kernel.access.Action.ACT;
import static cn.yiyang.kernel.access.Action.CREATE;
import static cn.yiyang.kernel.access.Action.READ;
import static cn.yiyang.kernel.access.ObjectKind.ACCOUNT;
import static cn.yiyang.kernel.access.ObjectKind.BATCH;
import static cn.yiyang.kernel.access.ObjectKind.BED;
import static cn.yiyang.kernel.access.ObjectKind.BOOKING;
import static cn.yiyang.kernel.access.ObjectKind.CAREGIVER;
import static cn.yiyang.kernel.access.ObjectKind.CARE_HOME_CAREGIVER;
import static cn.yiyang.kernel.access.ObjectKind.EXCHANGE;
import static cn.yiyang.kernel.access.ObjectKind.KITCHEN_DAY;
import static cn.yiyang.kernel.access.ObjectKind.MEAL_ORDER;
import static cn.yiyang.kernel.access.ObjectKind.MEAL_POINT;
import static cn.yiyang.kernel.access.ObjectKind.REPORT;
import static cn.yiyang.kernel.access.ObjectKind.RESIDENT;
import static cn.yiyang.kernel.access.ObjectKind.SERVICE_RECORD;
import static cn.yiyang.kernel.access.ObjectKind.TRANSFER;
import static cn.yiyang.kernel.access.ObjectKind.USAGE;
import static cn.yiyang.kernel.access.ObjectKind.VISIT;
import static cn.yiyang.kernel.access.Scope.COUNTY;
import static cn.yiyang.kernel.access.Scope.NONE;
import static cn.yiyang.kernel.access.Scope.OWN;
import static cn.yiyang.kernel.access.Scope.RESIDENTS;

import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.route.Role;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The object-level rules, role × object × action, as data: the README's table is this table
 * ({@code AccessTableTest} holds them equal), and the services ask it before they touch an object.
 * A cell not written here is {@link Scope#NONE}. The route tables admit a role to a route only if
 * its cell for that route's object and action is not NONE; the services then hold the object
 * against the token's {@code sub} and {@code org} where the cell says {@link Scope#OWN}.
 */
public final class AccessTable {

    private static final Map<ObjectKind, Map<Role, Map<Action, Scope>>> CELLS = new EnumMap<>(ObjectKind.class);

    static {
        rule(RESIDENT, Role.RESIDENT, OWN, READ);
        rule(RESIDENT, Role.FAMILY, OWN, READ);
        rule(RESIDENT, Role.OPERATOR, COUNTY, READ, CREATE);
        rule(RESIDENT, Role.OFFICER, COUNTY, READ, CREATE, ACT);

        rule(MEAL_ORDER, Role.RESIDENT, OWN, READ, CREATE, ACT);
        rule(MEAL_ORDER, Role.FAMILY, OWN, READ, CREATE, ACT);
        rule(MEAL_ORDER, Role.OPERATOR, COUNTY, READ, CREATE, ACT);
        rule(MEAL_ORDER, Role.CANTEEN, OWN, READ, CREATE, ACT);
        rule(MEAL_ORDER, Role.OFFICER, COUNTY, READ);

        rule(MEAL_POINT, Role.RESIDENT, COUNTY, READ);
        rule(MEAL_POINT, Role.FAMILY, COUNTY, READ);
        rule(MEAL_POINT, Role.OPERATOR, COUNTY, READ);
        rule(MEAL_POINT, Role.CANTEEN, COUNTY, READ);
        rule(MEAL_POINT, Role.CANTEEN, OWN, ACT);
        rule(MEAL_POINT, Role.OFFICER, COUNTY, READ, CREATE, ACT);

        rule(KITCHEN_DAY, Role.CANTEEN, OWN, READ);
        rule(KITCHEN_DAY, Role.OFFICER, COUNTY, READ);

        rule(BOOKING, Role.RESIDENT, OWN, READ, CREATE, ACT);
        rule(BOOKING, Role.FAMILY, OWN, READ, CREATE, ACT);
        rule(BOOKING, Role.OPERATOR, COUNTY, READ, CREATE, ACT);
        rule(BOOKING, Role.PROVIDER, OWN, READ, ACT);
        rule(BOOKING, Role.CAREGIVER, OWN, READ);
        rule(BOOKING, Role.OFFICER, COUNTY, READ, CREATE);

        rule(VISIT, Role.PROVIDER, OWN, READ, ACT);
        rule(VISIT, Role.CAREGIVER, OWN, READ, ACT);
        rule(VISIT, Role.OFFICER, COUNTY, READ);

        rule(CAREGIVER, Role.PROVIDER, OWN, READ, CREATE);
        rule(CAREGIVER, Role.OFFICER, COUNTY, READ, CREATE);

        rule(SERVICE_RECORD, Role.VOLUNTEER, OWN, READ, CREATE);
        rule(SERVICE_RECORD, Role.RESIDENT, OWN, READ, ACT);
        rule(SERVICE_RECORD, Role.FAMILY, OWN, READ, ACT);
        rule(SERVICE_RECORD, Role.OFFICER, COUNTY, READ, ACT);

        rule(ACCOUNT, Role.VOLUNTEER, OWN, READ, CREATE);
        rule(ACCOUNT, Role.RESIDENT, OWN, READ);
        rule(ACCOUNT, Role.FAMILY, OWN, READ);
        rule(ACCOUNT, Role.OPERATOR, RESIDENTS, READ);
        rule(ACCOUNT, Role.OFFICER, COUNTY, READ);

        rule(EXCHANGE, Role.VOLUNTEER, OWN, READ, CREATE, ACT);
        rule(EXCHANGE, Role.RESIDENT, OWN, READ, CREATE, ACT);
        rule(EXCHANGE, Role.FAMILY, OWN, READ, CREATE, ACT);
        // The hotline finds any voucher read out to it and redeems it; it spends only residents' points.
        rule(EXCHANGE, Role.OPERATOR, COUNTY, READ, ACT);
        rule(EXCHANGE, Role.OPERATOR, RESIDENTS, CREATE);
        rule(EXCHANGE, Role.PROVIDER, OWN, READ, ACT);
        rule(EXCHANGE, Role.OFFICER, COUNTY, READ, ACT);

        for (ObjectKind ledger : List.of(TRANSFER, BATCH, BED)) {
            rule(ledger, Role.OFFICER, COUNTY, READ, CREATE, ACT);
            rule(ledger, Role.APPROVER, COUNTY, READ);
            rule(ledger, Role.AUDITOR, COUNTY, READ);
        }
        rule(TRANSFER, Role.APPROVER, COUNTY, ACT);
        // Caregiver posts: officers register caregivers, record their certificates, assign and end their beds, set their
        // payout accounts; auditors read.
        rule(CARE_HOME_CAREGIVER, Role.OFFICER, COUNTY, READ, CREATE, ACT);
        rule(CARE_HOME_CAREGIVER, Role.AUDITOR, COUNTY, READ);
        rule(BATCH, Role.APPROVER, COUNTY, ACT);

        rule(REPORT, Role.OFFICER, COUNTY, READ);
        rule(REPORT, Role.APPROVER, COUNTY, READ);
        rule(REPORT, Role.AUDITOR, COUNTY, READ);

        rule(USAGE, Role.OFFICER, COUNTY, READ);
        rule(USAGE, Role.PLATFORM, COUNTY, READ);
    }

    private AccessTable() {
    }

    private static void rule(ObjectKind kind, Role role, Scope scope, Action... actions) {
        Map<Action, Scope> cells = CELLS.computeIfAbsent(kind, k -> new EnumMap<>(Role.class))
                .computeIfAbsent(role, r -> new EnumMap<>(Action.class));
        for (Action action : actions) {
            if (cells.putIfAbsent(action, scope) != null) {
                throw new IllegalStateException("two rules for " + kind + " " + role + " " + action);
            }
        }
    }

    /** One cell of the table. */
    public static Scope scope(ObjectKind kind, Role role, Action action) {
        return CELLS.getOrDefault(kind, Map.of()).getOrDefault(role, Map.of()).getOrDefault(action, NONE);
    }

    /**
     * Whether the caller reaches this object: through any of its roles whose cell is COUNTY, or
     * whose cell is OWN or RESIDENTS and {@code reaches} says the object is within that role's reach
     * (for RESIDENTS: the object is a resident's). A caller reached by none gets 404.
     */
    public static boolean reaches(Caller caller, ObjectKind kind, Action action, Predicate<Role> reaches) {
        for (Role role : caller.roles()) {
            Scope scope = scope(kind, role, action);
            if (scope == COUNTY || ((scope == OWN || scope == RESIDENTS) && reaches.test(role))) {
                return true;
            }
        }
        return false;
    }

    /** The table as the README prints it: one row per object, one column per role, actions per cell. */
    public static List<String> markdown() {
        List<String> lines = new java.util.ArrayList<>();
        StringBuilder head = new StringBuilder("| object |");
        StringBuilder rule = new StringBuilder("|---|");
        for (Role role : Role.values()) {
            head.append(' ').append(role.claim()).append(" |");
            rule.append("---|");
        }
        lines.add(head.toString());
        lines.add(rule.toString());
        for (ObjectKind kind : ObjectKind.values()) {
            StringBuilder row = new StringBuilder("| ").append(kind.readme()).append(" |");
            for (Role role : Role.values()) {
                row.append(' ').append(cell(kind, role)).append(" |");
            }
            lines.add(row.toString());
        }
        return lines;
    }

    /** {@code own: R C A}, {@code county: R · own: A}, or {@code —}. */
    static String cell(ObjectKind kind, Role role) {
        Map<Scope, StringBuilder> byScope = new EnumMap<>(Scope.class);
        for (Action action : Action.values()) {
            Scope scope = scope(kind, role, action);
            if (scope != NONE) {
                byScope.computeIfAbsent(scope, s -> new StringBuilder()).append(action.name().charAt(0));
            }
        }
        if (byScope.isEmpty()) {
            return NONE.mark();
        }
        List<String> parts = new java.util.ArrayList<>();
        byScope.forEach((scope, letters) -> parts.add(scope.mark() + ": " + String.join(" ", letters.toString().split(""))));
        return String.join(" · ", parts);
    }
}
