package cn.yiyang.timebank.exchanges;

import cn.yiyang.kernel.json.Nullable;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Something points buy: a service (handed over to a booking of that service, {@code serviceCode} as
 * in the care catalog) or goods at a station (no service code).
 */
@RegisterForReflection
public record CatalogItem(String id, String name, Kind kind, long points, long stock, @Nullable String serviceCode) {

    public enum Kind {
        SERVICE, GOODS
    }

    /** The county's catalog. */
    @RegisterForReflection
    public record Page(java.util.List<CatalogItem> items) {
    }

    public static String pk(String county, String id) {
        return "I#" + county + "#" + id;
    }
}
