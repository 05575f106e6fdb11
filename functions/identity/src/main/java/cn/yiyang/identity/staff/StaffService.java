package cn.yiyang.identity.staff;

import cn.yiyang.identity.tokens.IdentityProblem;
import cn.yiyang.identity.tokens.RefreshTokens;
import cn.yiyang.identity.tokens.SubjectKind;
import cn.yiyang.kernel.api.ById;
import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.api.NoInput;
import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.identity.IdentityFormatException;
import cn.yiyang.kernel.identity.MobilePhone;
import cn.yiyang.kernel.pii.PiiProtector;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.problem.CommonProblem;
import cn.yiyang.kernel.route.Role;
import cn.yiyang.stores.pg.PgFailures;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The staff registry: the platform role makes a county's first officer; officers create, edit and
 * disable their county's staff. Disabling (or a new password) ends the account's sessions in the
 * same transaction. Runs inside the session or transaction PgOperations opens.
 */
@ApplicationScoped
public class StaffService {

    private static final Pattern COUNTY = Pattern.compile("[1-9][0-9]{5}");

    private final StaffAccounts accounts;
    private final RefreshTokens refreshTokens;
    private final PiiProtector pii;
    private final Clock clock;

    public StaffService(StaffAccounts accounts, RefreshTokens refreshTokens, PiiProtector pii, Clock clock) {
        this.accounts = accounts;
        this.refreshTokens = refreshTokens;
        this.pii = pii;
        this.clock = clock;
    }

    public Uni<Reply> create(Caller caller, StaffRequests.Create request) {
        String county = countyFor(caller, request);
        Set<Role> roles = StaffRules.roles(request.roles());
        if (caller.has(Role.PLATFORM) && !caller.has(Role.OFFICER) && !roles.equals(EnumSet.of(Role.OFFICER))) {
            throw new ApiException(IdentityProblem.STAFF_ROLE_NOT_ALLOWED, "The platform creates officers only");
        }
        MobilePhone phone = phone(request.phone());
        Passwords.checkRules(request.password(), phone.value());
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        StaffAccount account = new StaffAccount(UUID.randomUUID(), county, StaffRules.name(request.name()),
                phone.masked(), Passwords.hash(request.password()), roles, StaffRules.org(roles, request.org()),
                StaffAccount.ACTIVE, null, false, 0, 1, now, now);
        return accounts.insert(account, pii.encrypt(phone.value(), StaffAccount.boundTo(account.id(), StaffAccount.PHONE)),
                        pii.index(county, StaffAccount.PHONE, phone.value()), caller.subject())
                .onFailure(f -> PgFailures.is(f, PgFailures.UNIQUE_VIOLATION)).transform(f -> new ApiException(
                        IdentityProblem.STAFF_PHONE_TAKEN, "A staff account of this county already has this phone"))
                .map(ignored -> Reply.created(StaffView.of(account)));
    }

    public Uni<Reply> list(Caller caller, NoInput none) {
        return accounts.list(caller.county()).map(all -> Reply.ok(new StaffView.Page(all.stream().map(StaffView::of).toList())));
    }

    public Uni<Reply> get(Caller caller, ById request) {
        return accounts.find(caller.county(), idOf(request.id()), false)
                .map(found -> Reply.ok(StaffView.of(found.orElseThrow(() -> ApiException.notFound("Staff account")))));
    }

    public Uni<Reply> update(Caller caller, StaffRequests.Update request) {
        UUID id = idOf(request.id());
        return accounts.find(caller.county(), id, true).flatMap(found -> {
            StaffAccount before = found.orElseThrow(() -> ApiException.notFound("Staff account"));
            StaffChange change = StaffChange.of(before, request, pii);
            OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
            return accounts.update(change.after(), change.phoneEnc(), change.phoneIndex(), now)
                    .onFailure(f -> PgFailures.is(f, PgFailures.UNIQUE_VIOLATION)).transform(f -> new ApiException(
                            IdentityProblem.STAFF_PHONE_TAKEN, "A staff account of this county already has this phone"))
                    .flatMap(rows -> {
                        if (rows != 1) {
                            throw new ApiException(CommonProblem.CONCURRENT_UPDATE, "The account changed meanwhile");
                        }
                        return change.endsSessions()
                                ? refreshTokens.revokeSubject(caller.county(), SubjectKind.STAFF, id.toString(), now.toInstant())
                                : Uni.createFrom().item(0);
                    })
                    .flatMap(ignored -> accounts.find(caller.county(), id, false))
                    .map(after -> Reply.ok(StaffView.of(after.orElseThrow())));
        });
    }

    static MobilePhone phone(String raw) {
        try {
            return MobilePhone.parse(raw);
        } catch (IdentityFormatException e) {
            throw ApiException.invalid("phone", e.reason().name(), e.getMessage());
        }
    }

    /** An id that is not a UUID names no account: 404, as an unknown one. */
    static UUID idOf(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("Staff account");
        }
    }

    private static String countyFor(Caller caller, StaffRequests.Create request) {
        if (!caller.has(Role.PLATFORM)) {
            if (request.county() != null && !request.county().equals(caller.county())) {
                throw ApiException.invalid("county", "NOT_YOURS", "Officers create staff of their own county only");
            }
            return caller.county();
        }
        if (request.county() == null || !COUNTY.matcher(request.county()).matches()) {
            throw ApiException.invalid("county", "REQUIRED", "The platform names the county of the new officer");
        }
        return request.county();
    }
}
