package cn.yiyang.kernel.resident;

import cn.yiyang.kernel.problem.ProblemCode;

/**
 * Refusals about a resident's standing that every function serving residents gives alike: defined
 * once, with one status and one message (in the kernel's common messages).
 */
public enum ResidentStatusProblem implements ProblemCode {
    /** The resident's record is suspended, moved away or deceased: no service is booked, ordered or given. */
    RESIDENT_INACTIVE(409);

    private final int httpStatus;

    ResidentStatusProblem(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    @Override
    public int httpStatus() {
        return httpStatus;
    }
}
