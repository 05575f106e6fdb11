package cn.yiyang.identity.staff;


import cn.yiyang.kernel.json.StrictJson;
import cn.yiyang.kernel.route.Role;
import cn.yiyang.stores.pg.NativeSql;
import cn.yiyang.stores.pg.SqlRow;
import com.fasterxml.jackson.core.type.TypeReference;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** The staff_account table, in the caller's Panache session or transaction. */
@ApplicationScoped
public class StaffAccounts {

    public static final int PAGE_ITEMS_MAX = 200;
    private static final String COLUMNS = """
            id, county, name, phone_masked, password_hash, roles, org, status, totp_secret_enc, totp_enabled,
            totp_last_step, version, created_at, updated_at""";
    private static final TypeReference<Map<String, List<String>>> ORG = new TypeReference<>() {
    };

    public Uni<Integer> insert(StaffAccount a, byte[] phoneEnc, byte[] phoneIndex, String createdBy) {
        return NativeSql.update("""
                        insert into identity.staff_account (id, county, name, phone_enc, phone_index, phone_masked,
                          password_hash, roles, org, status, version, created_at, created_by, updated_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 1, ?11, ?12, ?11)""",
                a.id(), a.county(), a.name(), phoneEnc, phoneIndex, a.phoneMasked(), a.passwordHash(),
                roles(a.roles()), StrictJson.write(a.org()), a.status(), a.createdAt(), createdBy);
    }

    public Uni<Optional<StaffAccount>> find(String county, UUID id, boolean forUpdate) {
        return NativeSql.selectOne("select " + COLUMNS + " from identity.staff_account where county = ?1 and id = ?2"
                        + (forUpdate ? " for update" : ""), county, id)
                .map(row -> row.map(StaffAccounts::account));
    }

    public Uni<Optional<StaffAccount>> byPhone(String county, byte[] phoneIndex) {
        return NativeSql.selectOne("select " + COLUMNS + " from identity.staff_account where county = ?1 and phone_index = ?2",
                county, phoneIndex).map(row -> row.map(StaffAccounts::account));
    }

    public Uni<List<StaffAccount>> list(String county) {
        return NativeSql.select("select " + COLUMNS + " from identity.staff_account where county = ?1 order by created_at, id limit "
                + PAGE_ITEMS_MAX, county).map(rows -> rows.stream().map(StaffAccounts::account).toList());
    }

    /** Writes the editable fields back, only if nobody changed the row since it was read. */
    public Uni<Integer> update(StaffAccount a, byte[] phoneEncOrNull, byte[] phoneIndexOrNull, OffsetDateTime now) {
        return NativeSql.update("""
                        update identity.staff_account set name = ?3, phone_masked = ?4,
                          phone_enc = coalesce(cast(?5 as bytea), phone_enc), phone_index = coalesce(cast(?6 as bytea), phone_index),
                          password_hash = ?7, roles = ?8, org = ?9, status = ?10, version = version + 1, updated_at = ?11
                         where county = ?1 and id = ?2 and version = ?12""",
                a.county(), a.id(), a.name(), a.phoneMasked(), phoneEncOrNull, phoneIndexOrNull, a.passwordHash(),
                roles(a.roles()), StrictJson.write(a.org()), a.status(), now, a.version());
    }

    public Uni<Integer> setTotp(String county, UUID id, byte[] secretEnc, boolean enabled, long lastStep) {
        return NativeSql.update("""
                update identity.staff_account set totp_secret_enc = ?3, totp_enabled = ?4, totp_last_step = ?5,
                  version = version + 1 where county = ?1 and id = ?2""", county, id, secretEnc, enabled, lastStep);
    }

    /** Spends a TOTP step: true only for the first use of a step later than every step used before. */
    public Uni<Boolean> spendTotpStep(String county, UUID id, long step) {
        return NativeSql.update("update identity.staff_account set totp_last_step = ?3 where county = ?1 and id = ?2 and totp_last_step < ?3",
                county, id, step).map(n -> n == 1);
    }

    private static String roles(Set<Role> roles) {
        return roles.stream().map(Role::claim).sorted().collect(Collectors.joining(","));
    }

    private static StaffAccount account(SqlRow r) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(r.text("roles").split(",")).map(Role::fromClaim).forEach(role -> role.ifPresent(roles::add));
        Map<String, List<String>> org;
        try {
            org = StrictJson.mapper().readValue(r.text("org"), ORG);
        } catch (Exception e) {
            throw new IllegalStateException("staff account " + r.uuid("id") + " has an unreadable org", e);
        }
        return new StaffAccount(r.uuid("id"), r.text("county"), r.text("name"), r.text("phone_masked"), r.text("password_hash"),
                roles, org, r.text("status"), r.bytes("totp_secret_enc"), r.bool("totp_enabled"), r.number("totp_last_step"),
                (int) r.number("version"), r.time("created_at"), r.time("updated_at"));
    }
}
