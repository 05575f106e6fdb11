package cn.yiyang.bench;

import static cn.yiyang.bench.BenchMain.CONSOLE;

import cn.yiyang.bench.FakeLambdaRuntime.Answer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * One measured row of a throughput benchmark, or part of one: per-call milliseconds, the wall time
 * the calls took together, and how many were planned (fewer are measured when the budget runs out).
 */
record Phase(String name, double[] millis, double seconds, int planned) {

    /** Measures one block of a row: items {@code from} (inclusive) to {@code to} (exclusive). */
    interface Block {
        Phase measure(int from, int to) throws Exception;
    }

    static Phase none(String name, int planned) {
        return new Phase(name, new double[0], 0, planned);
    }

    Phase plus(Phase more) {
        double[] all = Arrays.copyOf(millis, millis.length + more.millis.length);
        System.arraycopy(more.millis, 0, all, millis.length, more.millis.length);
        return new Phase(name, all, seconds + more.seconds, planned);
    }

    double perSecond() {
        return millis.length / seconds;
    }

    double p50() {
        return Stats.percentile(millis, 50);
    }

    /** The answers' times, and the wall time from the first hand-out to the last answer. */
    static Phase of(List<Answer> answers) {
        double seconds = answers.isEmpty() ? 0
                : (answers.get(answers.size() - 1).receivedNanos() - answers.get(0).handedOutNanos()) / 1e9;
        return new Phase(null, Stats.values(answers, Answer::millis), seconds, answers.size());
    }

    /** Calls {@code call(i)} for i = 0..count−1 one after the other, each timed, until {@code untilNanos}. */
    static Phase timed(int count, long untilNanos, IntConsumer call) {
        double[] millis = new double[count];
        int done = 0;
        long start = System.nanoTime();
        while (done < count && System.nanoTime() < untilNanos) {
            long before = System.nanoTime();
            call.accept(done);
            millis[done++] = (System.nanoTime() - before) / 1e6;
        }
        return new Phase(null, Arrays.copyOf(millis, done), (System.nanoTime() - start) / 1e9, count);
    }

    /**
     * The rows take turns, block by block, so that a neighbour's load on this machine weighs on all
     * of them alike; no block starts when less than twice the last one's time is left.
     */
    static List<Phase> interleaved(List<String> names, List<Block> rows, int count, int blocks, long untilNanos)
            throws Exception {
        List<Phase> phases = new ArrayList<>();
        names.forEach(name -> phases.add(none(name, count)));
        int blockSize = (count + blocks - 1) / blocks;
        long blockNanos = 0;
        for (int from = 0; from < count; from += blockSize) {
            if (untilNanos - System.nanoTime() < 2 * blockNanos) {
                break;
            }
            long blockStart = System.nanoTime();
            int to = Math.min(count, from + blockSize);
            for (int row = 0; row < rows.size(); row++) {
                phases.set(row, phases.get(row).plus(rows.get(row).measure(from, to)));
            }
            blockNanos = System.nanoTime() - blockStart;
        }
        return phases;
    }

    /** The markdown table: path, count, {@code unit}/s, p50, p99, max; then a line for each row cut short. */
    static void printTable(String unit, List<Phase> phases, long budgetSeconds) {
        CONSOLE.println("| path | count | " + unit + "/s | p50 ms | p99 ms | max ms |");
        CONSOLE.println("|---|---:|---:|---:|---:|---:|");
        for (Phase phase : phases) {
            CONSOLE.printf("| %s | %d | %.0f | %.2f | %.2f | %.2f |%n", phase.name(), phase.millis().length,
                    phase.perSecond(), phase.p50(), Stats.percentile(phase.millis(), 99), Stats.max(phase.millis()));
        }
        CONSOLE.println();
        for (Phase phase : phases) {
            if (phase.millis().length < phase.planned()) {
                CONSOLE.printf("Cut short by the %d s budget: %s, %d of %d.%n", budgetSeconds, phase.name(),
                        phase.millis().length, phase.planned());
            }
        }
    }

    /** The markdown table of the first row's throughput and p50 against each of the others'. */
    static void printRatios(List<Phase> phases, List<String> labels) {
        Phase first = phases.get(0);
        CONSOLE.println("| ratio | throughput | p50 |");
        CONSOLE.println("|---|---:|---:|");
        for (int i = 1; i < phases.size(); i++) {
            CONSOLE.printf("| %s | %.2f× | %.2f× |%n", labels.get(i - 1),
                    first.perSecond() / phases.get(i).perSecond(), first.p50() / phases.get(i).p50());
        }
        CONSOLE.println();
    }
}
