package cn.yiyang.residents.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CountyAreaCodesTest {

    @Test
    void aStackThatNamesNoAreaCodesStillStartsAndKnowsNone() {
        // YIYANG_AREA_CODES unset, and set to "" by a stack without any: the function must start.
        assertNull(new CountyAreaCodes(Optional.empty()).of("330105"));
        assertNull(new CountyAreaCodes(Optional.of("")).of("330105"));
    }

    @Test
    void eachCountyGetsItsOwnAreaCode() {
        CountyAreaCodes codes = new CountyAreaCodes(Optional.of("330105=0571, 320303=0516"));
        assertEquals("0571", codes.of("330105"));
        assertEquals("0516", codes.of("320303"));
        assertNull(codes.of("110101"));
    }

    @Test
    void aMalformedSettingStopsTheStartRatherThanMisroutingLandlines() {
        assertThrows(IllegalStateException.class, () -> new CountyAreaCodes(Optional.of("330105:0571")));
        assertThrows(IllegalStateException.class, () -> new CountyAreaCodes(Optional.of("330105=571x")));
    }
}
