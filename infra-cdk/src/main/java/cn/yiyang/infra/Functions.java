package cn.yiyang.infra;

import cn.yiyang.bookings.BookingRoutes;
import cn.yiyang.funds.FundRoutes;
import cn.yiyang.identity.IdentityRoutes;
import cn.yiyang.kernel.route.Job;
import cn.yiyang.timebank.TimeBankRoutes;
import cn.yiyang.timebank.TimeBankTable;
import cn.yiyang.kernel.route.Route;
import cn.yiyang.meals.MealRoutes;
import cn.yiyang.meals.MealTable;
import cn.yiyang.residents.ResidentsRoutes;
import cn.yiyang.cards.bookings.BookingCardTable;
import cn.yiyang.cards.residents.ResidentCardTable;
import cn.yiyang.cards.volunteers.VolunteerCardTable;
import cn.yiyang.stores.dynamo.DynamoTable;
import cn.yiyang.stores.dynamo.IdempotencyTable;
import cn.yiyang.stores.metering.UsageTable;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Every function the stack deploys, read from the functions' own declarations: the route tables
 * ({@link ResidentsRoutes#ALL}, {@link MealRoutes#ALL}, {@link BookingRoutes#ALL}, {@link FundRoutes#ALL}) and the table classes the functions use at
 * run time. Nothing here retypes a path, a table name or an index name.
 *
 * <p>A new function is one more entry in {@link #ALL}: its routes, what it needs from the stores,
 * and the jobs it runs on a schedule.
 */
public final class Functions {

    /** How a function may touch a table. */
    public enum Access { READ, READ_WRITE }

    /** What a function needs besides its tables. */
    public enum Need {
        /** Aurora PostgreSQL through RDS Proxy: runs in the VPC, gets the credentials secret and rds-db:connect. */
        POSTGRES,
        /** The PII encryption and index keys (a secret of its own). */
        PII_KEYS,
        /** The token signing key in KMS (RSA, sign/verify): kms:Sign and kms:GetPublicKey on it, for this function only. */
        SIGNING_KEY,
        /** The WeChat mini-program's app id and secret (a secret of its own). */
        WECHAT_SECRET,
        /** The seed of the audit checkpoints' Ed25519 signing key (a secret of its own). */
        AUDIT_KEY,
        /** Calls out to the internet (WeChat's API): sits in the VPC's egress subnets, behind the one NAT gateway. */
        INTERNET,
        /** The counties' landline area codes (context {@code areaCodes}), for landlines given without one. */
        AREA_CODES,
        /**
         * The usage lines of every API function's log group, through a CloudWatch Logs subscription filter: the
         * metering function, which adds them to the usage counters.
         */
        USAGE_LINES
    }

    /** One DynamoDB table a function uses, and how. */
    public record TableUse(DynamoTable table, Access access) {
        public String logicalName() {
            return table.logicalName();
        }
    }

    /**
     * One PostgreSQL schema a function uses, and how: READ_WRITE for the schemas its own migrations
     * create, READ for another function's schema it only selects from (fund-lines' settlement reads
     * {@code bookings}). Every function connects as the one database user of the deployment, so this
     * is the declaration the tests hold the functions to, not yet a database grant (see README).
     */
    public record SchemaUse(String schema, Access access) {
    }

    /** One function: one Lambda, its routes on the HTTP API, its tables, PostgreSQL schemas, secrets and jobs. */
    public record Function(String name, List<Route> routes, List<TableUse> tables, List<SchemaUse> schemas, Set<Need> needs,
                           List<Job> jobs) {

        public Function {
            Objects.requireNonNull(name);
            routes = List.copyOf(routes);
            tables = List.copyOf(tables);
            schemas = List.copyOf(schemas);
            needs = Set.copyOf(needs);
            jobs = List.copyOf(jobs);
            if (schemas.isEmpty() == needs.contains(Need.POSTGRES)) {
                throw new IllegalArgumentException(name + ": PostgreSQL schemas are declared exactly when the function needs PostgreSQL");
            }
            for (Route route : routes) {
                if (!route.function().equals(name)) {
                    throw new IllegalArgumentException("route " + route.key() + " belongs to " + route.function() + ", not " + name);
                }
            }
        }

        public boolean needs(Need need) {
            return needs.contains(need);
        }

        /** The module directory, relative to the repository root. */
        public Path moduleDir() {
            return Path.of("functions", name);
        }

        /** What {@code mvn package} (JVM) or {@code mvn package -Dnative} (native) leaves behind. */
        public Path functionZip() {
            return moduleDir().resolve("target").resolve("function.zip");
        }
    }

    public static final Function RESIDENTS = new Function(
            ResidentsRoutes.FUNCTION,
            ResidentsRoutes.ALL,
            // the usage report reads the counters; only the metering function writes them
            List.of(new TableUse(new UsageTable(), Access.READ),
                    new TableUse(new ResidentCardTable(), Access.READ_WRITE)),
            List.of(new SchemaUse("platform", Access.READ_WRITE), new SchemaUse("residents", Access.READ_WRITE)),
            Set.of(Need.POSTGRES, Need.PII_KEYS, Need.AREA_CODES),
            ResidentsRoutes.JOBS);

    public static final Function MEAL_ORDERS = new Function(
            MealRoutes.FUNCTION,
            MealRoutes.ALL,
            List.of(new TableUse(new MealTable(), Access.READ_WRITE),
                    new TableUse(new IdempotencyTable(), Access.READ_WRITE),
                    new TableUse(new ResidentCardTable(), Access.READ)),
            List.of(),
            Set.of(),
            // DynamoDB's TTL deletes expired idempotency records: no job. Its meals are settled by
            // fund-lines' settle-meals job, which reads this function's table.
            List.of());

    public static final Function SERVICE_BOOKINGS = new Function(
            BookingRoutes.FUNCTION,
            BookingRoutes.ALL,
            List.of(new TableUse(new ResidentCardTable(), Access.READ),
                    // publishes each booking's card and closes it to vouchers (the hand-off to the time bank)
                    new TableUse(new BookingCardTable(), Access.READ_WRITE)),
            List.of(new SchemaUse("platform", Access.READ_WRITE), new SchemaUse("bookings", Access.READ_WRITE)),
            Set.of(Need.POSTGRES),
            BookingRoutes.JOBS);

    public static final Function TIME_BANK = new Function(
            TimeBankRoutes.FUNCTION,
            TimeBankRoutes.ALL,
            List.of(new TableUse(new TimeBankTable(), Access.READ_WRITE),
                    new TableUse(new IdempotencyTable(), Access.READ_WRITE),
                    new TableUse(new ResidentCardTable(), Access.READ),
                    // a volunteer's age comes from the verified person identity published
                    new TableUse(new VolunteerCardTable(), Access.READ),
                    // a redeemed SERVICE voucher marks the booking card it pays, in the voucher's transaction
                    new TableUse(new BookingCardTable(), Access.READ_WRITE)),
            List.of(),
            Set.of(),
            TimeBankRoutes.JOBS);

    /**
     * The ledger. Its settlements read the other functions' stores directly (no Lambda-to-Lambda
     * call): the meals table read-only (the served-meal counters), the bookings schema SELECT only.
     * Its jobs: expiry of pending transfers, the idempotency purge, the daily meal and monthly
     * booking settlements.
     */
    public static final Function FUND_LINES = new Function(
            FundRoutes.FUNCTION,
            FundRoutes.ALL,
            List.of(new TableUse(new MealTable(), Access.READ),
                    // the allowance batches read residents by county and age (by-county index); admissions read a card
                    new TableUse(new ResidentCardTable(), Access.READ)),
            List.of(new SchemaUse("platform", Access.READ_WRITE), new SchemaUse("funds", Access.READ_WRITE),
                    new SchemaUse("bookings", Access.READ)),
            // payout accounts (bank card numbers) are personal data, encrypted with the PII keys; the audit
            // checkpoints are signed with a key of the function's own
            Set.of(Need.POSTGRES, Need.PII_KEYS, Need.AUDIT_KEY),
            FundRoutes.JOBS);

    /**
     * The token issuer: staff accounts and WeChat bindings in its own schema, refresh tokens, the
     * signing key in KMS. It reads the resident cards (a WeChat binding matches phone and ID digits
     * there) and calls WeChat, the only function that needs the internet.
     */
    public static final Function IDENTITY = new Function(
            IdentityRoutes.FUNCTION,
            IdentityRoutes.ALL,
            List.of(new TableUse(new ResidentCardTable(), Access.READ),
                    new TableUse(new VolunteerCardTable(), Access.READ_WRITE)),
            List.of(new SchemaUse("platform", Access.READ_WRITE), new SchemaUse("identity", Access.READ_WRITE)),
            Set.of(Need.POSTGRES, Need.PII_KEYS, Need.SIGNING_KEY, Need.WECHAT_SECRET, Need.INTERNET),
            IdentityRoutes.JOBS);

    /**
     * The usage counters' only writer: each API function writes one usage line per call to its log (no store
     * call on the request path); a subscription filter on each log group hands the lines to this function,
     * which adds them to the counters exactly once per delivery (functions/metering). No routes.
     */
    public static final Function METERING = new Function(
            "metering",
            List.of(),
            List.of(new TableUse(new UsageTable(), Access.READ_WRITE)),
            List.of(),
            Set.of(Need.USAGE_LINES),
            List.of());

    public static final List<Function> ALL = List.of(RESIDENTS, MEAL_ORDERS, SERVICE_BOOKINGS, TIME_BANK, FUND_LINES, IDENTITY,
            METERING);

    /** Every table any function uses, once each, by logical name (first declaration wins; all share key schema). */
    public static Map<String, DynamoTable> tables() {
        Map<String, DynamoTable> tables = new LinkedHashMap<>();
        for (Function function : ALL) {
            for (TableUse use : function.tables()) {
                tables.putIfAbsent(use.logicalName(), use.table());
            }
        }
        return tables;
    }

    /** Every declared route of every function. */
    public static List<Route> routes() {
        return ALL.stream().flatMap(f -> f.routes().stream()).toList();
    }

    private Functions() {
    }
}
