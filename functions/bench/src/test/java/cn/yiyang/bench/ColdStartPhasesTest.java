package cn.yiyang.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cold-start breakdown read from a launch's own output and its class-load log. */
class ColdStartPhasesTest {

    @TempDir
    Path dir;

    @Test
    void phases_areTheMilestonesSpans_stepsSummedByGroup_andClassesSplitAtTheEndOfTheInit() throws Exception {
        Path log = Files.writeString(dir.resolve("child.log"), String.join("\n",
                "yiyang-phase main 100 800",
                "2026-12-02 05:00:00,100 Build step HibernateOrmProcessor.startPersistenceUnits completed in: 300ms",
                "2026-12-02 05:00:00,200 Build step ReactiveDataSourceProcessor.build completed in: 5ms",
                "2026-12-02 05:00:00,300 Build step HibernateOrmProcessor.build completed in: 20ms",
                "2026-12-02 05:00:00,400 Build step BannerProcessor.recordBanner completed in: 1ms",
                "{\"level\":\"INFO\",\"message\":\"yiyang-phase is not at the start here\"}",
                "yiyang-phase init-done 1500 5000",
                "yiyang-phase first-event 1510 5010",
                "yiyang-phase first-answer 2010 7000"));
        Path classes = Files.writeString(dir.resolve("classes.log"), String.join("\n",
                "[0.050s] java.lang.Object source: shared objects file",
                "[1.200s] org.hibernate.Foo source: jar:file:/lib/hibernate.jar",
                "[1.500s][info][class,load] software.amazon.awssdk.Bar source: jar:file:/lib/sdk.jar",
                "[1.600s][info][class,load] software.amazon.awssdk.Baz source: jar:file:/lib/sdk.jar",
                "[1.700s][info][class,load] cn.yiyang.Qux source: jar:file:/app.jar"));

        ColdStartPhases p = ColdStartPhases.read("f", log, classes);

        assertEquals(1400, p.span("main", "init-done"));
        assertEquals(500, p.span("first-event", "first-answer"));
        assertEquals(1990, p.classesBetween("first-event", "first-answer"));
        assertEquals(320.0, p.stepMs().get("Hibernate ORM/Reactive"));
        assertEquals(5.0, p.stepMs().get("PostgreSQL pool"));
        assertEquals(1.0, p.stepMs().get(ColdStartPhases.OTHER_STEPS));
        assertArrayEquals(new int[] {1, 0}, p.classesByLibrary().get("JDK"));
        assertArrayEquals(new int[] {1, 0}, p.classesByLibrary().get("Hibernate"));
        assertArrayEquals(new int[] {1, 1}, p.classesByLibrary().get("AWS SDK"), "a load at the init's last ms is the init's");
        assertArrayEquals(new int[] {0, 1}, p.classesByLibrary().get("Yiyang"));
        String table = ColdStartTables.libraries(List.of(p));
        assertTrue(table.contains("| 3 + 2 |"), table);
    }

    @Test
    void aLaunchThatDidNotReachItsAnswer_isRefused() throws Exception {
        Path log = Files.writeString(dir.resolve("child.log"), "yiyang-phase main 100 800\nyiyang-phase init-done 1500 5000\n");
        Path classes = Files.writeString(dir.resolve("classes.log"), "");

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ColdStartPhases.read("f", log, classes));
        assertTrue(e.getMessage().contains("first-answer"), e.getMessage());
    }
}
