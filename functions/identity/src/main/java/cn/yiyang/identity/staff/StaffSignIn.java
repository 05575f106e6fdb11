package cn.yiyang.identity.staff;

import cn.yiyang.kernel.api.Reply;
import cn.yiyang.identity.tokens.IdentityProblem;
import cn.yiyang.identity.tokens.TokenService;
import cn.yiyang.kernel.identity.IdentityFormatException;
import cn.yiyang.kernel.identity.MobilePhone;
import cn.yiyang.kernel.pii.PiiProtector;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.stores.pg.PgOperations;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Staff sign-in by phone and password (and a TOTP code when the account has one): reserve a try
 * with the guard, check the password off any event loop (bcrypt takes tens of milliseconds), then
 * give the try back and issue a pair. An unknown phone, a wrong password and a disabled account
 * give the same answer after the same work.
 */
@ApplicationScoped
public class StaffSignIn {

    private static final Pattern COUNTY = Pattern.compile("[1-9][0-9]{5}");

    private final PgOperations pg;
    private final StaffAccounts accounts;
    private final SignInGuard guard;
    private final PiiProtector pii;
    private final TokenService tokens;
    private final Clock clock;

    public StaffSignIn(PgOperations pg, StaffAccounts accounts, SignInGuard guard, PiiProtector pii, TokenService tokens,
                       Clock clock) {
        this.pg = pg;
        this.accounts = accounts;
        this.guard = guard;
        this.pii = pii;
        this.tokens = tokens;
        this.clock = clock;
    }

    public Reply signIn(StaffRequests.SignIn request) {
        if (request.county() == null || !COUNTY.matcher(request.county()).matches()) {
            throw ApiException.invalid("county", "INVALID", "The county is a 6-digit division code");
        }
        MobilePhone phone;
        try {
            phone = MobilePhone.parse(request.phone());
        } catch (IdentityFormatException e) {
            throw ApiException.invalid("phone", e.reason().name(), e.getMessage());
        }
        if (!Passwords.isPlausible(request.password())) {
            throw failed();
        }
        String county = request.county();
        byte[] phoneIndex = pii.index(county, StaffAccount.PHONE, phone.value());
        Instant now = clock.instant();
        Optional<OffsetDateTime> locked = pg.inTransaction(() -> guard.reserve(county, phoneIndex, now));
        if (locked.isPresent()) {
            throw new ApiException(IdentityProblem.SIGN_IN_LOCKED, "Too many tries: locked for a while");
        }
        Optional<StaffAccount> account = pg.inSession(() -> accounts.byPhone(county, phoneIndex));
        boolean passwordMatches = Passwords.matches(request.password(), account.map(StaffAccount::passwordHash).orElse(null));
        if (!passwordMatches || !account.get().isActive()) {
            throw failed();
        }
        StaffAccount staff = account.get();
        if (staff.totpEnabled()) {
            checkTotp(staff, request.totpCode(), now);
        }
        pg.inTransaction(() -> guard.clear(county, phoneIndex));
        return Reply.ok(tokens.issue(StaffClaims.of(staff)));
    }

    private void checkTotp(StaffAccount staff, String code, Instant now) {
        if (code == null || code.isEmpty()) {
            throw new ApiException(IdentityProblem.TOTP_REQUIRED, "This account signs in with a TOTP code too");
        }
        byte[] secret = StaffTotp.secretOf(staff, pii);
        long step = Totp.matchingStep(secret, code, now.getEpochSecond());
        // A code counts once: its step must be later than any step this account used before.
        boolean fresh = step >= 0 && pg.inTransaction(() -> accounts.spendTotpStep(staff.county(), staff.id(), step));
        if (!fresh) {
            throw new ApiException(IdentityProblem.TOTP_INVALID, "The TOTP code is wrong, expired or already used");
        }
    }

    private static ApiException failed() {
        return new ApiException(IdentityProblem.SIGN_IN_FAILED, "The phone and password do not sign in");
    }
}
