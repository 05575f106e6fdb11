package cn.yiyang.kernel.access;

/**
 * How far a role reaches over one kind of object for one action. {@code NONE}: the routes do not
 * admit the role (403). {@code OWN}: only the objects the token's {@code sub} or {@code org} names
 * (a resident themself, a family member's linked residents, a volunteer's own account and records,
 * a canteen's meal points, a provider's bookings, caregivers and vouchers, a caregiver's visits);
 * any other answers 404, as if it did not exist. {@code RESIDENTS}: the accounts and exchanges of
 * residents, never a volunteer's (404). {@code COUNTY}: every object of the token's county.
 */
public enum Scope {
    NONE, OWN, RESIDENTS, COUNTY;

    /** The README's spelling of a cell. */
    public String mark() {
        return switch (this) {
            case NONE -> "—";
            case OWN -> "own";
            case RESIDENTS -> "residents'";
            case COUNTY -> "county";
        };
    }
}
