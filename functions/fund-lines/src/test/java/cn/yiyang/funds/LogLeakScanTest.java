package cn.yiyang.funds;

import cn.yiyang.testing.LogLeakScanTests;

/** Runs after every other test of this module (its own surefire execution) and scans all they logged. */
class LogLeakScanTest extends LogLeakScanTests {

    @Override
    protected String expectedAccessLine() {
        return "POST /v1/transfers ->";
    }

    /** The ledger holds no ID numbers or phones: the scan looks for ID-number shapes. */
    @Override
    protected int issuedPiiAtLeast() {
        return 0;
    }
}
