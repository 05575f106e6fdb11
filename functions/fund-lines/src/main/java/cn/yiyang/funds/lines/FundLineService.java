package cn.yiyang.funds.lines;

import cn.yiyang.funds.FundProblem;
import cn.yiyang.funds.audit.AuditTrail;
import cn.yiyang.funds.lines.FundLineRequests.NewFundLine;
import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.api.NoInput;
import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.text.FreeText;
import cn.yiyang.kernel.time.CountyTime;
import cn.yiyang.stores.pg.NativeSql;
import cn.yiyang.stores.pg.SqlRow;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/** The county's fund lines: the six every county has, and any the county adds. */
@ApplicationScoped
public class FundLineService {

    public static final int NAME_CHARS_MAX = 40;
    private static final Pattern CODE = Pattern.compile("[A-Z_]{2,30}");

    /** 特困供养, 机构补贴, 项目补助, 尊老金/高龄津贴, 助餐补贴, 服务补贴. */
    public static final Map<String, String> DEFAULTS = defaults();

    private final AuditTrail audit;
    private final Clock clock;

    public FundLineService(AuditTrail audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    @RegisterForReflection
    public record FundLines(List<FundLine> items) {
    }

    public Uni<Reply> installDefaults(Caller caller, NoInput none) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Map.Entry<String, String> line : DEFAULTS.entrySet()) {
            chain = chain.flatMap(v -> insertIfAbsent(caller, line.getKey(), line.getValue())).replaceWithVoid();
        }
        return chain.flatMap(v -> all(caller.county())).map(lines -> Reply.created(new FundLines(lines)));
    }

    public Uni<Reply> create(Caller caller, NewFundLine r) {
        if (r.code() == null || !CODE.matcher(r.code()).matches()) {
            throw ApiException.invalid("code", "BAD_CODE", "2 to 30 of A-Z and _");
        }
        if (r.name() == null || r.name().isBlank() || FreeText.length(r.name()) > NAME_CHARS_MAX) {
            throw ApiException.invalid("name", "REQUIRED", "1 to " + NAME_CHARS_MAX + " characters");
        }
        return insertIfAbsent(caller, r.code(), r.name().strip()).map(created -> {
            if (!created) {
                throw new ApiException(FundProblem.FUND_LINE_EXISTS, "The county already has fund line " + r.code());
            }
            return created;
        }).flatMap(created -> find(caller.county(), r.code())).map(Reply::created);
    }

    public Uni<Reply> list(Caller caller, NoInput none) {
        return all(caller.county()).map(lines -> Reply.ok(new FundLines(lines)));
    }

    /** The county's line with this code, or 404: another county's lines do not exist for the caller. */
    public static Uni<FundLine> find(String county, String code) {
        return NativeSql.selectOne("select id, code, name from funds.fund_line where county = ?1 and code = ?2", county, code)
                .map(row -> row.map(FundLineService::line).orElseThrow(() -> ApiException.notFound("Fund line")));
    }

    private Uni<Boolean> insertIfAbsent(Caller caller, String code, String name) {
        UUID id = UUID.randomUUID();
        OffsetDateTime now = CountyTime.now(clock);
        return NativeSql.update("""
                        insert into funds.fund_line (id, county, code, name, created_at) values (?1, ?2, ?3, ?4, ?5)
                        on conflict (county, code) do nothing""", id, caller.county(), code, name, now)
                .flatMap(inserted -> inserted == 0 ? Uni.createFrom().item(false)
                        : audit.append(caller.county(), caller.subject(), "FUND_LINE_CREATED", "FUND_LINE",
                                id.toString(), Map.of("code", code, "name", name), now).replaceWith(true));
    }

    private static Uni<List<FundLine>> all(String county) {
        return NativeSql.select("select id, code, name from funds.fund_line where county = ?1 order by created_at, code", county)
                .map(rows -> rows.stream().map(FundLineService::line).toList());
    }

    private static FundLine line(SqlRow row) {
        return new FundLine(row.uuid("id"), row.text("code"), row.text("name"));
    }

    private static Map<String, String> defaults() {
        Map<String, String> lines = new LinkedHashMap<>();
        lines.put("TEKUN_SUPPORT", "特困供养");
        lines.put("INSTITUTION_SUBSIDY", "机构补贴");
        lines.put("PROJECT_GRANT", "项目补助");
        lines.put("LONGEVITY_ALLOWANCE", "尊老金/高龄津贴");
        lines.put("MEAL_SUBSIDY", "助餐补贴");
        lines.put("SERVICE_SUBSIDY", "服务补贴");
        return java.util.Collections.unmodifiableMap(lines);
    }
}
