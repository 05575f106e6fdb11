package cn.yiyang.identity;

import cn.yiyang.testing.LogLeakScanTests;

/** Runs after every other test of this module (its own surefire execution) and scans all they logged. */
class LogLeakScanTest extends LogLeakScanTests {

    @Override
    protected String expectedAccessLine() {
        return "POST /v1/auth/staff/sign-in ->";
    }
}
