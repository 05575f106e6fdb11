package cn.yiyang.timebank.transfers;

import cn.yiyang.kernel.json.Nullable;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.OffsetDateTime;

/** A move of points between accounts or with the county pool: a gift, a donation or a grant. */
@RegisterForReflection
public record Transfer(String id, Kind kind, String from, String to, long points, @Nullable String reason,
                       OffsetDateTime at) {

    /** The pool's side of a donation or a grant. */
    public static final String POOL = "POOL";

    public enum Kind {
        GIFT, DONATION, GRANT
    }

    public String pk(String county) {
        return "T#" + county + "#" + id;
    }
}
