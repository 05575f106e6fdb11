package cn.yiyang.identity.tokens;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an access token says about its subject, read from the identity store at issue time:
 * {@code org} names, for each role that acts for an organisation, the ids it acts for, e.g.
 * {@code {"canteen":["<mealPointId>"],"family":["<residentId>"]}}.
 */
public record TokenClaims(SubjectKind kind, String subject, String county, List<String> groups,
                          Map<String, List<String>> org) {

    public TokenClaims {
        groups = List.copyOf(groups);
        // Sorted, so the same store state always gives the same token payload.
        TreeMap<String, List<String>> sorted = new TreeMap<>();
        org.forEach((role, ids) -> sorted.put(role, ids.stream().sorted().toList()));
        org = java.util.Collections.unmodifiableMap(sorted);
    }
}
