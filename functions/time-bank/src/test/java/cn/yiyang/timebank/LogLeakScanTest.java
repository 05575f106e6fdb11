package cn.yiyang.timebank;

import cn.yiyang.testing.LogLeakScanTests;

/** Runs after every other test of this module (its own surefire execution) and scans all they logged. */
class LogLeakScanTest extends LogLeakScanTests {

    @Override
    protected String expectedAccessLine() {
        return "POST /v1/time-bank/exchanges ->";
    }

    /** Residents reach this function as cards, with masked phones only: the scan looks for ID-number shapes. */
    @Override
    protected int issuedPiiAtLeast() {
        return 0;
    }
}
