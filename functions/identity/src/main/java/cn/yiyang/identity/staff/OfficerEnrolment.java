package cn.yiyang.identity.staff;

import cn.yiyang.identity.tokens.IdentityProblem;
import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.api.NoInput;
import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.identity.ConfirmationCode;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.route.Role;
import cn.yiyang.kernel.text.Text;
import cn.yiyang.stores.pg.NativeSql;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A county's first officer, without anyone holding a platform token: the platform invokes the
 * {@code enrol-first-officer} job directly (IAM, never through the API) and gets a one-time code
 * for each county that has no active officer; the officer-to-be enrols with it at an open route,
 * which creates the account as the platform would ({@link StaffService#create}).
 */
@ApplicationScoped
public class OfficerEnrolment {

    public static final int LIFETIME_HOURS = 24;
    public static final int CODE_CHARS = 10;

    private final StaffService staff;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public OfficerEnrolment(StaffService staff, Clock clock) {
        this.staff = staff;
        this.clock = clock;
    }

    @RegisterForReflection
    public record Issued(String county, String enrolmentCode, OffsetDateTime expiresAt) {
    }

    @RegisterForReflection
    public record Enrol(String county, String enrolmentCode, String name, String phone,
                        @Text(verbatim = true) String password) {
    }

    /** The job, for one county (the job runner calls it per county, as the platform). */
    public Uni<Reply> issue(Caller scheduler, NoInput none) {
        String county = scheduler.county();
        Instant now = clock.instant();
        return NativeSql.first("select 1 from identity.staff_account where county = ?1 and status = 'ACTIVE'"
                        + " and ',' || roles || ',' like '%,officer,%' limit 1", county)
                .flatMap(officer -> {
                    if (officer.isPresent()) {
                        throw new ApiException(IdentityProblem.COUNTY_HAS_OFFICER, "The county has an active officer");
                    }
                    String code = code();
                    OffsetDateTime expiresAt = now.plusSeconds(LIFETIME_HOURS * 3600L).atOffset(ZoneOffset.UTC);
                    return NativeSql.update("""
                                    insert into identity.officer_enrolment (id, county, code_hash, issued_at, expires_at)
                                    values (?1, ?2, ?3, ?4, ?5)""", UUID.randomUUID(), county, hash(county, code),
                                    now.atOffset(ZoneOffset.UTC), expiresAt)
                            .map(ignored -> Reply.created(new Issued(county, code, expiresAt)));
                });
    }

    /** The open route: the code, once, within its day, makes the county's officer. */
    public Uni<Reply> enrol(Enrol request) {
        String code = ConfirmationCode.normalise(request.enrolmentCode());
        if (request.county() == null || !request.county().matches("[1-9][0-9]{5}") || code.length() != CODE_CHARS) {
            throw new ApiException(IdentityProblem.ENROLMENT_CODE_INVALID, "Not an enrolment code");
        }
        Instant now = clock.instant();
        return NativeSql.update("""
                        update identity.officer_enrolment set used_at = ?3
                         where code_hash = ?1 and county = ?2 and used_at is null and expires_at > ?3""",
                        hash(request.county(), code), request.county(), now.atOffset(ZoneOffset.UTC))
                .flatMap(rows -> {
                    if (rows != 1) {
                        throw new ApiException(IdentityProblem.ENROLMENT_CODE_INVALID, "No usable enrolment code");
                    }
                    Caller platform = new Caller("enrolment", request.county(), Set.of(Role.PLATFORM));
                    return staff.create(platform, new StaffRequests.Create(request.county(), request.name(), request.phone(),
                            request.password(), List.of(Role.OFFICER.claim()), null));
                });
    }

    private String code() {
        return ConfirmationCode.generate(random, CODE_CHARS);
    }

    private static byte[] hash(String county, String code) {
        try {
            return MessageDigest.getInstance("SHA-256").digest((county + "|" + code).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
