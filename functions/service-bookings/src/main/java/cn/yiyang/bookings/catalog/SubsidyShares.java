package cn.yiyang.bookings.catalog;

import java.util.Set;

/**
 * A service's subsidy shares per resident category, as the catalog stores them
 * ({@code TEKUN:100,SHINENG:80,DIBAO:50}): a resident gets the largest share any of their
 * categories earns, and nothing without one.
 */
public final class SubsidyShares {

    private SubsidyShares() {
    }

    /** 0 to 100. */
    public static int percentFor(String shares, Set<String> categories) {
        if (shares == null || shares.isEmpty()) {
            return 0;
        }
        int best = 0;
        for (String entry : shares.split(",")) {
            String[] pair = entry.split(":");
            if (categories.contains(pair[0])) {
                best = Math.max(best, Integer.parseInt(pair[1]));
            }
        }
        return best;
    }
}
