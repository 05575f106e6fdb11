package cn.yiyang.meals;

import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.problem.FieldError;
import java.util.List;

/** What a rule answered, as a table row can expect it: {@code OK}, or the problem code and the field codes. */
public record Outcome(String code, List<String> fields) {

    public static final Outcome OK = new Outcome("OK", List.of());

    public static Outcome of(Runnable rule) {
        try {
            rule.run();
            return OK;
        } catch (ApiException e) {
            return new Outcome(e.code().name(), e.fieldErrors().stream().map(Outcome::describe).toList());
        }
    }

    public static Outcome refused(String code, String... fields) {
        return new Outcome(code, List.of(fields));
    }

    private static String describe(FieldError error) {
        return error.field() + ":" + error.code();
    }
}
