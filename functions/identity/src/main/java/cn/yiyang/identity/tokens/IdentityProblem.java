package cn.yiyang.identity.tokens;

import cn.yiyang.kernel.problem.ProblemCode;

/**
 * The identity function's refusals. A sign-in refusal never tells someone not yet signed in whether
 * a phone or an account exists: a wrong password, an unknown phone and a disabled account are all
 * {@link #SIGN_IN_FAILED}, and the lockout counts tries per phone, registered or not.
 */
public enum IdentityProblem implements ProblemCode {
    SIGN_IN_FAILED(401),
    SIGN_IN_LOCKED(429),
    TOTP_REQUIRED(401),
    TOTP_INVALID(401),
    REFRESH_TOKEN_INVALID(401),
    REFRESH_TOKEN_REUSED(401),
    PASSWORD_RULES_NOT_MET(400),
    STAFF_ROLE_NOT_ALLOWED(403),
    STAFF_ORG_REQUIRED(400),
    STAFF_PHONE_TAKEN(409),
    TOTP_NOT_ENROLLED(409),
    WECHAT_CODE_INVALID(401),
    WECHAT_RATE_LIMITED(429),
    WECHAT_UNAVAILABLE(503),
    PHONE_NOT_MAINLAND(400),
    BINDING_TICKET_INVALID(401),
    BINDING_TICKET_LOCKED(429),
    RESIDENT_PHONE_NOT_REGISTERED(404),
    ID_NUMBER_TAIL_MISMATCH(403),
    INVITATION_INVALID(400),
    VOLUNTEER_ALREADY_REGISTERED(409),
    WECHAT_ALREADY_BOUND(409),
    ENROLMENT_CODE_INVALID(400),
    COUNTY_HAS_OFFICER(409);

    private final int httpStatus;

    IdentityProblem(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    @Override
    public int httpStatus() {
        return httpStatus;
    }

    @Override
    public String messages() {
        return "messages/problems-identity.properties";
    }
}
