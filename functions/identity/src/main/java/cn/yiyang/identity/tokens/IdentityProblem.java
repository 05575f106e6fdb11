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
    TOTP_NOT_ENROLLED(409);

    private final int httpStatus;

    IdentityProblem(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    @Override
    public int httpStatus() {
        return httpStatus;
    }
}
