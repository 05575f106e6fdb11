package cn.yiyang.identity.wechat;


import cn.yiyang.identity.tokens.SubjectKind;
import cn.yiyang.stores.pg.NativeSql;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/** Which person an openid signs in as, per county. */
@ApplicationScoped
public class WeChatBindings {

    public record Binding(SubjectKind kind, String subject) {
    }

    public Uni<Optional<Binding>> find(String county, String openid) {
        return NativeSql.selectOne("select subject_kind, subject from identity.wechat_binding where county = ?1 and openid = ?2",
                county, openid).map(row -> row.map(r -> new Binding(SubjectKind.valueOf(r.text("subject_kind")), r.text("subject"))));
    }

    /** True when bound now; false when the openid was bound already (a concurrent binding won). */
    public Uni<Boolean> bind(String county, String openid, String unionid, SubjectKind kind, String subject, Instant now) {
        return NativeSql.update("""
                        insert into identity.wechat_binding (county, openid, unionid, subject_kind, subject, bound_at)
                        values (?1, ?2, cast(?3 as text), ?4, ?5, ?6) on conflict (county, openid) do nothing""",
                county, openid, unionid, kind.name(), subject, now.atOffset(ZoneOffset.UTC)).map(rows -> rows == 1);
    }

    public Uni<Boolean> isBound(String county, SubjectKind kind, String subject) {
        return NativeSql.first("select 1 from identity.wechat_binding where county = ?1 and subject_kind = ?2 and subject = ?3 limit 1",
                county, kind.name(), subject).map(Optional::isPresent);
    }
}
