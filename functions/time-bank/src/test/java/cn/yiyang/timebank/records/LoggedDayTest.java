package cn.yiyang.timebank.records;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.timebank.Refusal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The overlap rule and the daily cap over what a volunteer already logged that day: 09:00–11:00, 120 minutes. */
class LoggedDayTest {

    private static final int CAP_MINUTES = 480;
    private static final LoggedDay NINE_TO_ELEVEN = new LoggedDay(120,
            List.of(LoggedDay.Interval.of(at("09:00"), at("11:00"))));

    @ParameterizedTest(name = "{0}–{1} → {2}")
    @CsvSource({
            "07:00, 09:00, OK",
            "11:00, 12:00, OK",
            "08:00, 09:01, SERVICE_RECORD_OVERLAP",
            "10:59, 12:00, SERVICE_RECORD_OVERLAP",
            "09:30, 10:30, SERVICE_RECORD_OVERLAP",
            "08:00, 12:00, SERVICE_RECORD_OVERLAP",
            "09:00, 11:00, SERVICE_RECORD_OVERLAP",
    })
    void aNewRecord_isRefused_onlyWhenItOverlapsOneLogged_touchingIsNotOverlapping(String start, String end, String expected) {
        assertThat(Refusal.of(() -> NINE_TO_ELEVEN.admit(at(start), at(end), 60, CAP_MINUTES))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} logged + {1} → {2}")
    @CsvSource({
            "0,   480, OK",
            "0,   481, DAILY_CAP_EXCEEDED",
            "420, 60,  OK",
            "420, 61,  DAILY_CAP_EXCEEDED",
            "480, 1,   DAILY_CAP_EXCEEDED",
    })
    void theDailyCap_admitsUpToItsMinutesExactly(long logged, long added, String expected) {
        LoggedDay day = new LoggedDay(logged, List.of());

        assertThat(Refusal.of(() -> day.admit(at("12:00"), at("13:00"), added, CAP_MINUTES))).isEqualTo(expected);
    }

    @Test
    void anOverlap_isReportedBeforeTheCap_whenARecordBreaksBoth() {
        LoggedDay full = new LoggedDay(CAP_MINUTES, NINE_TO_ELEVEN.intervals());

        assertThat(Refusal.of(() -> full.admit(at("09:30"), at("10:30"), 60, CAP_MINUTES))).isEqualTo("SERVICE_RECORD_OVERLAP");
    }

    private static OffsetDateTime at(String time) {
        return OffsetDateTime.parse("2026-11-02T" + time + ":00+08:00").withOffsetSameInstant(ZoneOffset.ofHours(8));
    }
}
