package cn.yiyang.bookings.catalog;

import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.api.NoInput;
import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.json.Nullable;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** The county's service catalog: the default services installed once, then read by everyone. */
@ApplicationScoped
public class CatalogService {

    public static final String EMERGENCY = "EMERGENCY";
    private static final String DEFAULT_SUBSIDY = "TEKUN:100,SHINENG:80,DIBAO:50";

    /** A service every county's catalog starts with. */
    private record DefaultService(String code, String name, int durationMinutes, long priceFen, boolean certifiedRequired) {
    }

    private static final List<DefaultService> DEFAULTS = List.of(
            new DefaultService("BATH", "助浴", 60, 8000L, true),
            new DefaultService("CLEAN", "助洁", 120, 6000L, false),
            new DefaultService("MEDICAL", "助医", 90, 9000L, true),
            new DefaultService("WALK", "助行", 60, 3000L, false),
            new DefaultService(EMERGENCY, "助急", 60, 5000L, true),
            new DefaultService("HAIRCUT", "理发", 30, 2000L, false),
            new DefaultService("NAILS", "剪指甲", 20, 1500L, false),
            new DefaultService("MASSAGE", "按摩", 45, 5000L, true));

    @RegisterForReflection
    public record ServiceView(String code, String name, int durationMinutes, long priceFen, boolean certifiedRequired,
                              boolean emergency, String subsidyPercent) {
        static ServiceView of(CareService s) {
            return new ServiceView(s.code, s.name, s.durationMinutes, s.priceFen, s.certifiedRequired, s.emergency,
                    s.subsidyPercent);
        }
    }

    /** The county's catalog; after installing the defaults, also how many were new. */
    @RegisterForReflection
    public record Catalog(@Nullable Integer installed, List<ServiceView> items) {
    }

    /** Installs the default services the county does not have yet; existing ones are left as they are. */
    public Uni<Reply> installDefaults(Caller caller, NoInput none) {
        Uni<Integer> chain = Uni.createFrom().item(0);
        for (DefaultService d : DEFAULTS) {
            chain = chain.flatMap(n -> Panache.getSession().flatMap(s -> s.createNativeQuery("""
                            insert into bookings.care_service (id, county, code, name, duration_minutes, price_fen,
                              subsidy_percent, certified_required, emergency)
                            values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) on conflict (county, code) do nothing""")
                    .setParameter(1, UUID.randomUUID()).setParameter(2, caller.county()).setParameter(3, d.code())
                    .setParameter(4, d.name()).setParameter(5, d.durationMinutes()).setParameter(6, d.priceFen())
                    .setParameter(7, DEFAULT_SUBSIDY).setParameter(8, d.certifiedRequired()).setParameter(9, EMERGENCY.equals(d.code()))
                    .executeUpdate()).map(inserted -> n + inserted));
        }
        return chain.flatMap(installed -> list(caller.county())
                .map(services -> Reply.created(new Catalog(installed, services))));
    }

    public Uni<Reply> list(Caller caller, NoInput none) {
        return list(caller.county()).map(services -> Reply.ok(new Catalog(null, services)));
    }

    private static Uni<List<ServiceView>> list(String county) {
        return CareService.<CareService>list("county = ?1 order by code", county)
                .map(all -> all.stream().map(ServiceView::of).toList());
    }

    public static Uni<CareService> find(String county, String code) {
        return CareService.<CareService>find("county = ?1 and code = ?2", county, code).firstResult();
    }
}
