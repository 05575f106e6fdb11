package cn.yiyang.timebank;

import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.problem.CommonProblem;

/** What a rule answered, as one word for a table: OK, the problem code, or for bad input the first field and its code. */
public final class Refusal {

    public static final String OK = "OK";

    private Refusal() {
    }

    public static String of(Runnable rule) {
        try {
            rule.run();
            return OK;
        } catch (ApiException e) {
            if (e.code() == CommonProblem.VALIDATION_FAILED && !e.fieldErrors().isEmpty()) {
                return e.fieldErrors().get(0).field() + " " + e.fieldErrors().get(0).code();
            }
            return e.code().name();
        }
    }
}
