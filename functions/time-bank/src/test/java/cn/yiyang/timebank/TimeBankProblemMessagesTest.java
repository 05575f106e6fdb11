package cn.yiyang.timebank;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.kernel.problem.UserMessages;
import org.junit.jupiter.api.Test;

class TimeBankProblemMessagesTest {

    @Test
    void everyTimeBankProblem_hasAPlainChineseMessage_andA4xxStatus() {
        for (TimeBankProblem problem : TimeBankProblem.values()) {
            assertThat(UserMessages.has(problem)).as(problem.name()).isTrue();
            assertThat(UserMessages.of(problem)).as(problem.name()).matches(".*[\\u4e00-\\u9fff].*");
            assertThat(problem.httpStatus()).as(problem.name()).isBetween(400, 499);
        }
    }
}
