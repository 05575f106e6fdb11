package cn.yiyang.timebank.transfers;

import cn.yiyang.kernel.resident.ResidentStatusProblem;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.resident.Category;
import cn.yiyang.kernel.text.FreeText;
import cn.yiyang.cards.residents.ResidentCard;
import cn.yiyang.timebank.TimeBankProblem;
import cn.yiyang.timebank.accounts.Ledger;
import cn.yiyang.timebank.settings.CountySettings;
import java.time.LocalDate;
import java.util.Set;

/**
 * The rules of gifts, donations and grants, free of any store: the bounds of a move, who may receive
 * a gift, the yearly gift cap, and who may receive a grant from the county's pool.
 */
public final class TransferRules {

    public static final int ID_CHARS_MAX = 64;
    public static final int REASON_CHARS_MAX = 100;
    /** Residents a grant may go to whatever their age: the registry's hardship categories. */
    public static final Set<String> PRIORITY_CATEGORIES = Set.of(Category.TEKUN.name(), Category.DIBAO.name(),
            Category.SHINENG.name(), Category.DUJU.name(), Category.SHIDU.name(), Category.ZHONGCAN.name(),
            Category.YOUFU.name());

    private TransferRules() {
    }

    /** Every move is 1 to {@link Ledger#MOVE_POINTS_MAX} points. */
    public static void requirePoints(long points) {
        if (points < 1 || points > Ledger.MOVE_POINTS_MAX) {
            throw ApiException.invalid("points", "OUT_OF_RANGE", "1 to " + Ledger.MOVE_POINTS_MAX);
        }
    }

    public static void requireResidentId(String id, String field) {
        if (id == null || id.isBlank() || FreeText.length(id) > ID_CHARS_MAX) {
            throw ApiException.invalid(field, "REQUIRED", "The resident's id");
        }
    }

    /** Points go only to a resident whose registry file is active. */
    public static void requireActive(ResidentCard resident) {
        if (!resident.isActive()) {
            throw new ApiException(ResidentStatusProblem.RESIDENT_INACTIVE, "The resident is " + resident.status());
        }
    }

    /** A gift goes to a parent: a resident whose card names the giver as family, and never to the giver themself. */
    public static void requireGiftRecipient(ResidentCard parent, String giver) {
        if (!parent.familySubjects().contains(giver) || parent.residentId().equals(giver)) {
            throw new ApiException(TimeBankProblem.GIFT_RECIPIENT_NOT_FAMILY, "The registry does not link the giver to this resident");
        }
    }

    /** One gift larger than the whole yearly cap is refused before anything is read. */
    public static void requireWithinYearlyCap(long points, long yearlyCap) {
        if (points > yearlyCap) {
            throw new ApiException(TimeBankProblem.GIFT_CAP_EXCEEDED, "At most " + yearlyCap + " a year");
        }
    }

    /**
     * The most a giver may have given this year for this gift still to fit: the bound of the year's
     * counter's condition ({@code minutes <= room}), so concurrent gifts never pass the cap together.
     */
    public static long yearlyRoomFor(long points, long yearlyCap) {
        return yearlyCap - points;
    }

    /** What the year's counter admits: the gift fits when what was given so far leaves room for it. */
    public static boolean yearlyCapAdmits(long givenThisYear, long points, long yearlyCap) {
        return givenThisYear <= yearlyRoomFor(points, yearlyCap);
    }

    /** A grant's stated reason: 1 to {@link #REASON_CHARS_MAX} characters. */
    public static String reason(String reason) {
        if (reason == null || reason.isBlank() || FreeText.length(reason) > REASON_CHARS_MAX) {
            throw ApiException.invalid("reason", "REQUIRED", "Why this resident, 1 to " + REASON_CHARS_MAX + " characters");
        }
        return reason.strip();
    }

    /** Grants go to a hardship category, or to residents of the county's priority age and older. */
    public static void requirePriority(ResidentCard resident, LocalDate today, CountySettings rules) {
        boolean priority = resident.categories().stream().anyMatch(PRIORITY_CATEGORIES::contains)
                || resident.ageOn(today) >= rules.priorityAgeMin();
        if (!priority) {
            throw new ApiException(TimeBankProblem.GRANT_NOT_PRIORITY,
                    "Grants go to hardship categories or residents aged " + rules.priorityAgeMin() + "+");
        }
    }
}
