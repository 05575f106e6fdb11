package cn.yiyang.residents.registry;

import cn.yiyang.kernel.problem.ProblemCode;

public enum ResidentProblem implements ProblemCode {
    RESIDENT_ALREADY_REGISTERED(409),
    FAMILY_LINK_EXISTS(409),
    LOOKUP_LIMIT_REACHED(429);

    private final int httpStatus;

    ResidentProblem(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    @Override
    public int httpStatus() {
        return httpStatus;
    }

    @Override
    public String messages() {
        return "messages/problems-residents.properties";
    }
}
