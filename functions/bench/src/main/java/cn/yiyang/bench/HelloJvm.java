package cn.yiyang.bench;

/**
 * The baseline: the smallest JVM that answers. Prints one line, then stays alive until killed
 * (at most two minutes, so a forgotten one does not linger).
 */
public final class HelloJvm {

    private HelloJvm() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.out.println("hello");
        System.out.flush();
        Thread.sleep(120_000);
    }
}
