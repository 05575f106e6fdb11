package cn.yiyang.funds;

import static cn.yiyang.kernel.route.Role.APPROVER;
import static cn.yiyang.kernel.route.Role.AUDITOR;
import static cn.yiyang.kernel.route.Role.OFFICER;

import cn.yiyang.kernel.route.Job;
import cn.yiyang.kernel.route.Route;
import cn.yiyang.stores.pg.IdempotencyPurge;
import java.util.List;

/** Every route of the fund-lines function, declared once. */
public final class FundRoutes {

    public static final String FUNCTION = "fund-lines";
    private static final Route.Builder IN = Route.in(FUNCTION);

    public static final Route INSTALL_LINES = IN.post("/v1/fund-lines/defaults", "installDefaultFundLines", OFFICER);
    public static final Route CREATE_LINE = IN.post("/v1/fund-lines", "createFundLine", OFFICER);
    public static final Route LIST_LINES = IN.get("/v1/fund-lines", "listFundLines", OFFICER, APPROVER, AUDITOR);
    public static final Route GET_SETTINGS = IN.get("/v1/fund-settings", "getFundSettings", OFFICER, APPROVER, AUDITOR);
    public static final Route PUT_SETTINGS = IN.put("/v1/fund-settings", "putFundSettings", OFFICER);
    public static final Route OPEN_ACCOUNT = IN.post("/v1/fund-accounts", "openPayeeAccount", OFFICER);
    public static final Route LIST_ACCOUNTS = IN.get("/v1/fund-accounts", "listFundAccounts", OFFICER, APPROVER, AUDITOR);
    public static final Route GET_ACCOUNT = IN.get("/v1/fund-accounts/{id}", "getFundAccount", OFFICER, APPROVER, AUDITOR);
    public static final Route APPROPRIATE = IN.post("/v1/appropriations", "appropriate", OFFICER);
    public static final Route CREATE_TRANSFER = IN.post("/v1/transfers", "createTransfer", OFFICER);
    public static final Route LIST_TRANSFERS = IN.get("/v1/transfers", "listTransfers", OFFICER, APPROVER, AUDITOR);
    public static final Route GET_TRANSFER = IN.get("/v1/transfers/{id}", "getTransfer", OFFICER, APPROVER, AUDITOR);
    public static final Route TRACE_TRANSFER = IN.get("/v1/transfers/{id}/trace", "traceTransfer", OFFICER, APPROVER, AUDITOR);
    public static final Route APPROVE = IN.post("/v1/transfers/{id}/approve", "approveTransfer", APPROVER);
    public static final Route REJECT = IN.post("/v1/transfers/{id}/reject", "rejectTransfer", APPROVER);
    public static final Route VOID = IN.post("/v1/transfers/{id}/void", "voidTransfer", OFFICER);
    public static final Route REVERSE = IN.post("/v1/transfers/{id}/reverse", "reverseTransfer", OFFICER);
    public static final Route AUDIT = IN.get("/v1/audit", "listAuditEntries", AUDITOR);
    public static final Route AUDIT_VERIFY = IN.get("/v1/audit/verify", "verifyAuditTrail", AUDITOR, OFFICER);
    public static final Route REPORT_LINES = IN.get("/v1/fund-reports/lines", "reportFundLines", OFFICER, APPROVER, AUDITOR);
    public static final Route REPORT_BURN = IN.get("/v1/fund-reports/burn", "reportBudgetBurn", OFFICER, APPROVER, AUDITOR);
    public static final Route REPORT_PAYEES = IN.get("/v1/fund-reports/payees", "reportPayees", OFFICER, APPROVER, AUDITOR);
    public static final Route EXPORT_TRANSFERS = IN.get("/v1/fund-reports/transfers-csv", "exportTransfersCsv", AUDITOR, OFFICER);
    public static final Route SETTLE_MEALS = IN.post("/v1/settlements/meals", "settleMeals", OFFICER);
    public static final Route SETTLE_BOOKINGS = IN.post("/v1/settlements/bookings", "settleBookings", OFFICER);
    public static final Route LIST_SETTLEMENTS = IN.get("/v1/settlements", "listSettlements", OFFICER, APPROVER, AUDITOR);
    public static final Route LIST_HELD_VISITS = IN.get("/v1/held-visits", "listHeldVisits", OFFICER, APPROVER, AUDITOR);
    public static final Route RELEASE_VISIT = IN.post("/v1/held-visits/{id}/release", "releaseHeldVisit", OFFICER);
    public static final Route REJECT_VISIT = IN.post("/v1/held-visits/{id}/reject", "rejectHeldVisit", OFFICER);

    public static final Route GET_BATCH_POLICY = IN.get("/v1/batch-policies/{kind}", "getBatchPolicy", OFFICER, APPROVER, AUDITOR);
    public static final Route PUT_BATCH_POLICY = IN.put("/v1/batch-policies/{kind}", "putBatchPolicy", OFFICER);
    public static final Route CREATE_BATCH = IN.post("/v1/batches", "createBatch", OFFICER);
    public static final Route LIST_BATCHES = IN.get("/v1/batches", "listBatches", OFFICER, APPROVER, AUDITOR);
    public static final Route GET_BATCH = IN.get("/v1/batches/{id}", "getBatch", OFFICER, APPROVER, AUDITOR);
    public static final Route APPROVE_BATCH = IN.post("/v1/batches/{id}/approve", "approveBatch", APPROVER);
    public static final Route CANCEL_BATCH = IN.post("/v1/batches/{id}/cancel", "cancelBatch", OFFICER);
    public static final Route REGISTER_BED = IN.post("/v1/beds", "registerBed", OFFICER);
    public static final Route LIST_BEDS = IN.get("/v1/beds", "listBeds", OFFICER, APPROVER, AUDITOR);
    public static final Route GET_BED = IN.get("/v1/beds/{id}", "getBed", OFFICER, APPROVER, AUDITOR);
    public static final Route ADMIT = IN.post("/v1/beds/{id}/admissions", "admitToBed", OFFICER);
    public static final Route DISCHARGE = IN.post("/v1/occupancies/{id}/discharge", "dischargeFromBed", OFFICER);
    public static final Route PAYMENT_FILE = IN.get("/v1/batches/{id}/payment-file", "getPaymentFile", OFFICER);
    public static final Route IMPORT_BANK_RETURN = IN.post("/v1/batches/{id}/bank-returns", "importBankReturn", OFFICER);
    public static final Route PUT_PAYOUT_ACCOUNT = IN.put("/v1/payout-accounts/{residentId}", "putPayoutAccount", OFFICER);
    public static final Route GET_PAYOUT_ACCOUNT = IN.get("/v1/payout-accounts/{residentId}", "getPayoutAccount", OFFICER, APPROVER,
            AUDITOR);

    public static final Route REGISTER_CAREGIVER = IN.post("/v1/care-home-caregivers", "registerCareHomeCaregiver", OFFICER);
    public static final Route LIST_CAREGIVERS = IN.get("/v1/care-home-caregivers", "listCareHomeCaregivers", OFFICER, AUDITOR);
    public static final Route GET_CAREGIVER = IN.get("/v1/care-home-caregivers/{id}", "getCareHomeCaregiver", OFFICER, AUDITOR);
    public static final Route ASSIGN_CAREGIVER = IN.post("/v1/care-home-caregivers/{id}/assignments", "assignCaregiverToBed", OFFICER);
    public static final Route CAREGIVER_ASSIGNMENTS = IN.get("/v1/care-home-caregivers/{id}/assignments", "listCaregiverAssignments",
            OFFICER, AUDITOR);
    public static final Route BED_ASSIGNMENTS = IN.get("/v1/beds/{id}/caregiver-assignments", "listBedCaregiverAssignments",
            OFFICER, AUDITOR);
    public static final Route RECORD_CERTIFICATE = IN.post("/v1/care-home-caregivers/{id}/certificates",
            "recordCaregiverCertificate", OFFICER);
    public static final Route CAREGIVER_CERTIFICATES = IN.get("/v1/care-home-caregivers/{id}/certificates",
            "listCaregiverCertificates", OFFICER, AUDITOR);
    public static final Route WITHDRAW_CERTIFICATE = IN.post("/v1/caregiver-certificates/{id}/withdraw",
            "withdrawCaregiverCertificate", OFFICER);
    public static final Route END_ASSIGNMENT = IN.post("/v1/caregiver-assignments/{id}/end", "endCaregiverAssignment", OFFICER);
    public static final Route PUT_CAREGIVER_PAYOUT = IN.put("/v1/care-home-caregivers/{id}/payout-account", "putCaregiverPayoutAccount",
            OFFICER);
    public static final Route GET_CAREGIVER_PAYOUT = IN.get("/v1/care-home-caregivers/{id}/payout-account", "getCaregiverPayoutAccount",
            OFFICER, AUDITOR);

    public static final List<Route> ALL = List.of(INSTALL_LINES, CREATE_LINE, LIST_LINES, GET_SETTINGS, PUT_SETTINGS,
            OPEN_ACCOUNT, LIST_ACCOUNTS, GET_ACCOUNT, APPROPRIATE, CREATE_TRANSFER, LIST_TRANSFERS, GET_TRANSFER,
            TRACE_TRANSFER, APPROVE, REJECT, VOID, REVERSE, AUDIT, AUDIT_VERIFY, REPORT_LINES, REPORT_BURN, REPORT_PAYEES,
            EXPORT_TRANSFERS, GET_BATCH_POLICY, PUT_BATCH_POLICY, CREATE_BATCH, LIST_BATCHES, GET_BATCH, APPROVE_BATCH,
            CANCEL_BATCH, REGISTER_BED, LIST_BEDS, GET_BED, ADMIT, DISCHARGE,
            SETTLE_MEALS, SETTLE_BOOKINGS, LIST_SETTLEMENTS, LIST_HELD_VISITS, RELEASE_VISIT, REJECT_VISIT, PUT_PAYOUT_ACCOUNT,
            GET_PAYOUT_ACCOUNT,
            PAYMENT_FILE, IMPORT_BANK_RETURN, REGISTER_CAREGIVER, LIST_CAREGIVERS, GET_CAREGIVER, ASSIGN_CAREGIVER,
            CAREGIVER_ASSIGNMENTS, BED_ASSIGNMENTS, END_ASSIGNMENT, PUT_CAREGIVER_PAYOUT, GET_CAREGIVER_PAYOUT, RECORD_CERTIFICATE,
            CAREGIVER_CERTIFICATES, WITHDRAW_CERTIFICATE);

    /** Jobs run on a schedule, declared like the routes. */
    public static final Job EXPIRE_PENDING = new Job(FUNCTION, "expire-pending-transfers", "cron(5 * * * ? *)",
            "Hourly: pending transfers past their approval deadline become EXPIRED and release their reservation");
    public static final Job PURGE_IDEMPOTENCY = IdempotencyPurge.declare(FUNCTION);
    public static final Job SETTLE_MEALS_DAILY = new Job(FUNCTION, "settle-meals", "cron(30 17 * * ? *)",
            "Daily at 01:30 Asia/Shanghai: settle the served subsidised meals of the past seven days, per meal point and day");
    /** On the 3rd to the 7th: the first run settles last month, the others find it settled unless a run failed. */
    public static final Job SETTLE_BOOKINGS_MONTHLY = new Job(FUNCTION, "settle-bookings", "cron(0 19 2-6 * ? *)",
            "Monthly, 03:00 Asia/Shanghai on the 3rd to the 7th: settle last month's completed subsidised bookings, per provider");
    /**
     * Every minute: a batch too large to make within its request is made here, and an approved batch too large to post
     * within its approval is posted here, step by step; a crashed run resumes.
     */
    public static final Job POST_BATCHES = new Job(FUNCTION, "post-batches", "cron(* * * * ? *)",
            "Every minute: carry on making every batch still CREATING and posting every approved batch still POSTING, step by step");
    /** Hourly: verification then walks only what was appended since (at most an hour's entries). */
    public static final Job CHECKPOINT_AUDIT = new Job(FUNCTION, "checkpoint-audit", "cron(20 * * * ? *)",
            "Hourly: verify the audit chain since its last signed checkpoint and sign a new checkpoint at the head it reached");
    public static final List<Job> JOBS = List.of(EXPIRE_PENDING, PURGE_IDEMPOTENCY, SETTLE_MEALS_DAILY, SETTLE_BOOKINGS_MONTHLY,
            POST_BATCHES, CHECKPOINT_AUDIT);

    private FundRoutes() {
    }
}
