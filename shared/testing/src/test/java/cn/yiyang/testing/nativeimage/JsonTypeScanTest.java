package cn.yiyang.testing.nativeimage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class JsonTypeScanTest {

    @Test
    void aTypeReachedFromAnAnswer_isReported_whenNotRegistered() {
        JsonTypeScan.Result result = JsonTypeScan.scan(List.of("cn.yiyang.testing.nativeimage.fixtures.JsonAnswers"),
                getClass().getClassLoader());

        assertThat(result.sinkCalls()).isEqualTo(1);
        assertThat(result.jsonTypes()).containsExactlyInAnyOrder(
                "cn/yiyang/testing/nativeimage/fixtures/JsonAnswers$Page",
                "cn/yiyang/testing/nativeimage/fixtures/JsonAnswers$Line");
        assertThat(result.unregistered()).containsExactly("cn/yiyang/testing/nativeimage/fixtures/JsonAnswers$Line");
    }
}
