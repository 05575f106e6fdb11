package cn.yiyang.kernel.api;

/** The request of a route that takes no path parameter, query or body: anything sent is refused. */
public record NoInput() {

    public static final NoInput INSTANCE = new NoInput();
}
