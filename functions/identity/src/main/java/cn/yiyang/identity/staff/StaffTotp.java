package cn.yiyang.identity.staff;

import cn.yiyang.identity.tokens.IdentityProblem;
import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.api.NoInput;
import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.pii.PiiProtector;
import cn.yiyang.kernel.problem.ApiException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * A staff member's own second factor: enrol (a new secret, shown once, not yet required), then
 * confirm with a code from the authenticator app, after which sign-in asks for a code every time.
 */
@ApplicationScoped
public class StaffTotp {

    public static final String ISSUER_LABEL = "Yiyang";

    private final StaffAccounts accounts;
    private final PiiProtector pii;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public StaffTotp(StaffAccounts accounts, PiiProtector pii, Clock clock) {
        this.accounts = accounts;
        this.pii = pii;
        this.clock = clock;
    }

    public Uni<Reply> enrol(Caller caller, NoInput none) {
        UUID id = StaffService.idOf(caller.subject());
        return accounts.find(caller.county(), id, true).flatMap(found -> {
            StaffAccount staff = found.orElseThrow(() -> ApiException.notFound("Staff account"));
            byte[] secret = Totp.newSecret(random);
            String text = Totp.base32(secret);
            String uri = "otpauth://totp/" + ISSUER_LABEL + ":" + staff.id() + "?secret=" + text + "&issuer="
                    + URLEncoder.encode(ISSUER_LABEL, StandardCharsets.UTF_8) + "&digits=" + Totp.DIGITS
                    + "&period=" + Totp.STEP_SECONDS;
            return accounts.setTotp(staff.county(), staff.id(),
                            pii.encrypt(text, StaffAccount.boundTo(staff.id(), StaffAccount.TOTP_SECRET)), false, 0)
                    .map(ignored -> Reply.ok(new StaffView.TotpEnrolment(text, uri)));
        });
    }

    public Uni<Reply> confirm(Caller caller, StaffRequests.TotpConfirm request) {
        UUID id = StaffService.idOf(caller.subject());
        return accounts.find(caller.county(), id, true).flatMap(found -> {
            StaffAccount staff = found.orElseThrow(() -> ApiException.notFound("Staff account"));
            if (staff.totpSecretEnc() == null) {
                throw new ApiException(IdentityProblem.TOTP_NOT_ENROLLED, "Enrol an authenticator first");
            }
            long step = Totp.matchingStep(secretOf(staff, pii), request.code(), clock.instant().getEpochSecond());
            if (step < 0) {
                throw new ApiException(IdentityProblem.TOTP_INVALID, "The code does not match the enrolled secret");
            }
            return accounts.setTotp(staff.county(), staff.id(), staff.totpSecretEnc(), true, step)
                    .flatMap(ignored -> accounts.find(staff.county(), staff.id(), false))
                    .map(after -> Reply.ok(StaffView.of(after.orElseThrow())));
        });
    }

    static byte[] secretOf(StaffAccount staff, PiiProtector pii) {
        return Totp.fromBase32(pii.decrypt(staff.totpSecretEnc(), StaffAccount.boundTo(staff.id(), StaffAccount.TOTP_SECRET)));
    }
}
