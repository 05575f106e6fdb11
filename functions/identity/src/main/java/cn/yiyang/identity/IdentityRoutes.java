package cn.yiyang.identity;

import static cn.yiyang.kernel.route.Role.APPROVER;
import static cn.yiyang.kernel.route.Role.AUDITOR;
import static cn.yiyang.kernel.route.Role.CANTEEN;
import static cn.yiyang.kernel.route.Role.CAREGIVER;
import static cn.yiyang.kernel.route.Role.OFFICER;
import static cn.yiyang.kernel.route.Role.OPERATOR;
import static cn.yiyang.kernel.route.Role.PLATFORM;
import static cn.yiyang.kernel.route.Role.PROVIDER;
import static cn.yiyang.kernel.route.Role.RESIDENT;

import cn.yiyang.kernel.route.Job;
import cn.yiyang.kernel.route.Route;
import cn.yiyang.stores.pg.IdempotencyPurge;
import java.util.List;

/**
 * Every route of the identity function, declared once. The discovery documents and the sign-in
 * steps are open (no token: the body carries the credential); the CDK stack gives them no
 * authorizer and throttles the sign-in ones.
 */
public final class IdentityRoutes {

    public static final String FUNCTION = "identity";
    private static final Route.Builder IN = Route.in(FUNCTION);

    public static final Route OPENID_CONFIGURATION = IN.openGet("/.well-known/openid-configuration", "openidConfiguration");
    public static final Route JWKS = IN.openGet("/.well-known/jwks.json", "jwks");
    public static final Route STAFF_SIGN_IN = IN.openPost("/v1/auth/staff/sign-in", "signInStaff");
    public static final Route ENROL_OFFICER = IN.openPost("/v1/auth/staff/enrol", "enrolFirstOfficer");
    public static final Route REFRESH = IN.openPost("/v1/auth/refresh", "refreshTokens");
    public static final Route SIGN_OUT = IN.openPost("/v1/auth/sign-out", "signOut");
    public static final Route WECHAT_SIGN_IN = IN.openPost("/v1/auth/wechat/sign-in", "signInWeChat");
    public static final Route BIND_RESIDENT = IN.openPost("/v1/auth/wechat/bind-resident", "bindResident");
    public static final Route BIND_FAMILY = IN.openPost("/v1/auth/wechat/bind-family", "bindFamily");
    public static final Route REGISTER_VOLUNTEER = IN.openPost("/v1/auth/wechat/register-volunteer", "registerVolunteer");

    public static final Route INVITE_FAMILY = IN.post("/v1/family-invitations", "inviteFamily", RESIDENT, OFFICER);

    public static final Route CREATE_STAFF = IN.post("/v1/staff", "createStaff", OFFICER, PLATFORM);
    public static final Route LIST_STAFF = IN.get("/v1/staff", "listStaff", OFFICER);
    public static final Route GET_STAFF = IN.get("/v1/staff/{id}", "getStaff", OFFICER);
    public static final Route UPDATE_STAFF = IN.patch("/v1/staff/{id}", "updateStaff", OFFICER);
    public static final Route ENROL_TOTP = IN.put("/v1/staff/me/totp", "enrolTotp",
            OPERATOR, CANTEEN, PROVIDER, CAREGIVER, OFFICER, APPROVER, AUDITOR);
    public static final Route CONFIRM_TOTP = IN.post("/v1/staff/me/totp/confirm", "confirmTotp",
            OPERATOR, CANTEEN, PROVIDER, CAREGIVER, OFFICER, APPROVER, AUDITOR);

    /** The routes whose callers are not signed in yet: throttled in the stack. */
    public static final List<Route> SIGN_IN = List.of(STAFF_SIGN_IN, ENROL_OFFICER, REFRESH, SIGN_OUT, WECHAT_SIGN_IN, BIND_RESIDENT,
            BIND_FAMILY, REGISTER_VOLUNTEER);

    public static final List<Route> ALL = List.of(OPENID_CONFIGURATION, JWKS, STAFF_SIGN_IN, ENROL_OFFICER, REFRESH, SIGN_OUT,
            WECHAT_SIGN_IN, BIND_RESIDENT, BIND_FAMILY, REGISTER_VOLUNTEER, INVITE_FAMILY, CREATE_STAFF, LIST_STAFF, GET_STAFF, UPDATE_STAFF, ENROL_TOTP, CONFIRM_TOTP);

    public static final Job PURGE_IDEMPOTENCY = IdempotencyPurge.declare(FUNCTION);
    /** Scheduled jobs (the stack schedules these). */
    public static final List<Job> JOBS = List.of(PURGE_IDEMPOTENCY);
    /**
     * Never scheduled: the platform invokes it directly (IAM) for the counties it names, and gets a
     * one-time enrolment code for each county without an active officer.
     */
    public static final Job ENROL_FIRST_OFFICER = new Job(FUNCTION, "enrol-first-officer", "on demand",
            "A one-time code with which a county's first officer enrols");

    private IdentityRoutes() {
    }
}
