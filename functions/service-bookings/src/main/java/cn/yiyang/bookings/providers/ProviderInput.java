package cn.yiyang.bookings.providers;

import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.problem.FieldError;
import cn.yiyang.kernel.text.FreeText;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** What a provider or caregiver must be to be registered: each bad field a 400 naming it. */
public final class ProviderInput {

    public static final int PROVIDER_NAME_CHARS_MAX = 100;
    public static final int CAREGIVER_NAME_CHARS_MAX = 30;
    public static final int STREETS_MAX = 50;
    public static final int WINDOW_CAPACITY_MAX = 1000;
    private static final Pattern STREET = Pattern.compile("[0-9]{9}");
    private static final Pattern SERVICE_CODE = Pattern.compile("[A-Z_]{2,20}");

    private ProviderInput() {
    }

    /** Every bad field at once; streets must lie in the caller's county. */
    public static void check(ProviderRequests.NewProvider r, String county) {
        List<FieldError> errors = new ArrayList<>();
        if (!isName(r.name(), PROVIDER_NAME_CHARS_MAX)) {
            errors.add(new FieldError("name", "REQUIRED", "1 to " + PROVIDER_NAME_CHARS_MAX + " characters"));
        }
        if (r.streets() == null || r.streets().isEmpty() || r.streets().size() > STREETS_MAX
                || !r.streets().stream().allMatch(s -> s != null && STREET.matcher(s).matches() && s.startsWith(county))) {
            errors.add(new FieldError("streets", "BAD_STREETS", "1 to " + STREETS_MAX + " 9-digit street codes of the county"));
        }
        if (r.services() == null || r.services().isEmpty()
                || !r.services().stream().allMatch(s -> s != null && SERVICE_CODE.matcher(s).matches())) {
            errors.add(new FieldError("services", "BAD_SERVICES", "Service codes such as BATH, CLEAN"));
        }
        if (r.windowCapacity() < 1 || r.windowCapacity() > WINDOW_CAPACITY_MAX) {
            errors.add(new FieldError("windowCapacity", "OUT_OF_RANGE", "1 to " + WINDOW_CAPACITY_MAX + " bookings per hour"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }

    public static void check(ProviderRequests.NewCaregiver r) {
        if (!isName(r.name(), CAREGIVER_NAME_CHARS_MAX)) {
            throw ApiException.invalid("name", "REQUIRED", "1 to " + CAREGIVER_NAME_CHARS_MAX + " characters");
        }
        if (r.worksFrom() == null || r.worksUntil() == null || !r.worksFrom().isBefore(r.worksUntil())) {
            throw ApiException.invalid("worksUntil", "BAD_HOURS", "Working hours from before until");
        }
    }

    private static boolean isName(String name, int charsMax) {
        return name != null && !name.isBlank() && FreeText.length(name) <= charsMax;
    }
}
