package cn.yiyang.residents;

import static cn.yiyang.kernel.route.Role.AUDITOR;
import static cn.yiyang.kernel.route.Role.FAMILY;
import static cn.yiyang.kernel.route.Role.OFFICER;
import static cn.yiyang.kernel.route.Role.OPERATOR;
import static cn.yiyang.kernel.route.Role.RESIDENT;

import cn.yiyang.kernel.route.Job;
import cn.yiyang.kernel.route.Route;
import cn.yiyang.residents.lookup.LookupBudgetPurge;
import cn.yiyang.stores.pg.IdempotencyPurge;
import cn.yiyang.stores.metering.UsageOperation;
import java.util.List;

/** Every route of the residents function, declared once: the Lambda, the local gateway and the CDK stack read it. */
public final class ResidentsRoutes {

    public static final String FUNCTION = "residents";
    private static final Route.Builder IN = Route.in(FUNCTION);

    public static final Route REGISTER = IN.post("/v1/residents", "registerResident", OFFICER, OPERATOR);
    public static final Route LOOKUP = IN.get("/v1/residents", "lookUpResidents", OPERATOR, OFFICER);
    public static final Route GET = IN.get("/v1/residents/{id}", "getResident", RESIDENT, FAMILY, OPERATOR, OFFICER);
    public static final Route UPDATE = IN.patch("/v1/residents/{id}", "updateResident", OFFICER);
    public static final Route LINK_FAMILY = IN.post("/v1/residents/{id}/family-links", "linkFamilyMember", OFFICER);
    public static final Route DISCLOSE_IDENTITY = IN.get("/v1/residents/{id}/identity", "discloseIdentity", OFFICER);
    /** Every disclosure of personal data (identity reads and hotline look-ups), for auditors. */
    public static final Route DISCLOSURES = IN.get("/v1/disclosures", "listDisclosures", AUDITOR);
    /** The county's metered usage; the registry hosts it so it exists once in the API. */
    public static final Route USAGE = UsageOperation.declare(FUNCTION);

    public static final List<Route> ALL = List.of(REGISTER, LOOKUP, GET, UPDATE, LINK_FAMILY, DISCLOSE_IDENTITY, DISCLOSURES,
            USAGE);

    /** Jobs run on a schedule, declared like the routes. */
    public static final Job PURGE_IDEMPOTENCY = IdempotencyPurge.declare(FUNCTION);
    public static final Job PURGE_LOOKUP_BUDGETS = LookupBudgetPurge.declare(FUNCTION);
    public static final List<Job> JOBS = List.of(PURGE_IDEMPOTENCY, PURGE_LOOKUP_BUDGETS);

    private ResidentsRoutes() {
    }
}
