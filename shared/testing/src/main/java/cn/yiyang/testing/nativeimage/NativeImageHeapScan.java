package cn.yiyang.testing.nativeimage;

import java.io.FileDescriptor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.DatagramSocket;
import java.net.MalformedURLException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.channels.NetworkChannel;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What a native build would refuse to freeze into the executable, found on a JVM: Quarkus
 * initialises every class at build time unless told otherwise, and GraalVM then fails on a
 * {@link Random} (or SecureRandom), a socket, a started thread or a file descriptor reachable from
 * a static field ("Detected an instance of Random/SplittableRandom class in the image heap").
 *
 * <p>The scan initialises each class of the given packages that is not initialised at run time
 * (per the jars' native-image.properties), in a class loader of its own over the runtime class
 * path, and walks everything its static fields reach: other classes' objects field by field, the
 * JDK's through their public collection, map, optional and reference views. It sees more than the
 * native analysis keeps (which drops unreachable code), never less of what these classes hold.
 */
public final class NativeImageHeapScan {

    /** Objects walked in one scan before it gives up (and says so). */
    public static final int OBJECTS_VISITED_MAX = 3_000_000;
    /** Steps of the path shown for each finding. */
    public static final int PATH_STEPS_SHOWN_MAX = 12;

    /** A forbidden object, the static field that reaches it and the way there. */
    public record Finding(String staticField, String path, String type) {
    }

    public record Report(int classesScanned, List<String> classesNotInitialised, List<Finding> findings, boolean truncated) {
    }

    private record Step(Step previous, String name) {
        String path() {
            List<String> names = new ArrayList<>();
            for (Step s = this; s != null; s = s.previous) {
                names.add(s.name);
            }
            Collections.reverse(names);
            return String.join(" → ", names.size() > PATH_STEPS_SHOWN_MAX ? names.subList(0, PATH_STEPS_SHOWN_MAX) : names);
        }
    }

    private record Pending(Object object, Step step) {
    }

    private final Map<Object, Boolean> visited = new IdentityHashMap<>();
    private final List<Finding> findings = new ArrayList<>();
    private boolean truncated;

    private NativeImageHeapScan() {
    }

    /** Scans the named classes, skipping those (or those of packages) initialised at run time. */
    public static Report scan(List<Path> classpath, Collection<String> classNames, Set<String> initialisedAtRunTime) {
        NativeImageHeapScan scan = new NativeImageHeapScan();
        List<String> notInitialised = new ArrayList<>();
        int scanned = 0;
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(urls(classpath), ClassLoader.getPlatformClassLoader())) {
            thread.setContextClassLoader(loader);
            for (String name : classNames) {
                if (atRunTime(name, initialisedAtRunTime)) {
                    continue;
                }
                Class<?> type;
                try {
                    type = Class.forName(name, true, loader);
                } catch (Throwable e) {
                    // Classes that cannot even load here (optional dependencies absent) hold nothing either.
                    notInitialised.add(name + ": " + e);
                    continue;
                }
                scanned++;
                scan.walkStatics(type);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            thread.setContextClassLoader(previous);
        }
        return new Report(scanned, notInitialised, List.copyOf(scan.findings), scan.truncated);
    }

    static boolean atRunTime(String className, Set<String> initialisedAtRunTime) {
        for (String name : initialisedAtRunTime) {
            if (className.equals(name) || className.startsWith(name + ".")) {
                return true;
            }
        }
        return false;
    }

    private void walkStatics(Class<?> type) {
        Field[] fields;
        try {
            fields = type.getDeclaredFields();
        } catch (Throwable e) {
            return;
        }
        for (Field field : fields) {
            if (!Modifier.isStatic(field.getModifiers()) || field.getType().isPrimitive()) {
                continue;
            }
            String fieldName = type.getName() + "." + field.getName();
            Object value = read(field, null);
            walk(value, new Step(null, fieldName), fieldName);
        }
    }

    private void walk(Object root, Step rootStep, String staticField) {
        Deque<Pending> stack = new ArrayDeque<>();
        stack.push(new Pending(root, rootStep));
        while (!stack.isEmpty()) {
            Pending next = stack.pop();
            Object o = next.object();
            if (o == null || visited.put(o, Boolean.TRUE) != null) {
                continue;
            }
            if (visited.size() > OBJECTS_VISITED_MAX) {
                truncated = true;
                return;
            }
            if (forbidden(o)) {
                findings.add(new Finding(staticField, next.step().path(), o.getClass().getName()));
                continue;
            }
            children(o, next.step(), stack);
        }
    }

    static boolean forbidden(Object o) {
        return o instanceof Random || o instanceof SplittableRandom || o instanceof Socket || o instanceof ServerSocket
                || o instanceof DatagramSocket || o instanceof NetworkChannel
                || (o instanceof Thread t && t.isAlive())
                || (o instanceof FileDescriptor fd && fd != FileDescriptor.in && fd != FileDescriptor.out && fd != FileDescriptor.err);
    }

    private static void children(Object o, Step step, Deque<Pending> stack) {
        Class<?> type = o.getClass();
        if (type.isArray()) {
            if (!type.getComponentType().isPrimitive()) {
                Object[] items = (Object[]) o;
                for (int i = 0; i < items.length; i++) {
                    stack.push(new Pending(items[i], new Step(step, "[" + i + "]")));
                }
            }
            return;
        }
        if (isJdk(type)) {
            jdkChildren(o, step, stack);
            return;
        }
        for (Class<?> c = type; c != null && !isJdk(c); c = c.getSuperclass()) {
            for (Field field : declaredFields(c)) {
                if (!Modifier.isStatic(field.getModifiers()) && !field.getType().isPrimitive()) {
                    stack.push(new Pending(read(field, o), new Step(step, field.getName())));
                }
            }
        }
    }

    /** The JDK's own objects are looked into only through their public views. */
    private static void jdkChildren(Object o, Step step, Deque<Pending> stack) {
        try {
            if (o instanceof Map<?, ?> map) {
                for (Map.Entry<?, ?> e : List.copyOf(map.entrySet())) {
                    stack.push(new Pending(e.getKey(), new Step(step, "key")));
                    stack.push(new Pending(e.getValue(), new Step(step, e.getKey() instanceof String key ? "[" + key + "]" : "[value]")));
                }
            } else if (o instanceof Collection<?> items) {
                int i = 0;
                for (Object item : List.copyOf(items)) {
                    stack.push(new Pending(item, new Step(step, "[" + i++ + "]")));
                }
            } else if (o instanceof Optional<?> optional) {
                stack.push(new Pending(optional.orElse(null), new Step(step, "get()")));
            } else if (o instanceof AtomicReference<?> reference) {
                stack.push(new Pending(reference.get(), new Step(step, "get()")));
            }
        } catch (RuntimeException e) {
            // A view that refuses to be read (null elements, unsupported operations) ends the walk there.
        }
    }

    private static boolean isJdk(Class<?> type) {
        return type.getClassLoader() == null || type.getClassLoader() == ClassLoader.getPlatformClassLoader();
    }

    private static Field[] declaredFields(Class<?> type) {
        try {
            return type.getDeclaredFields();
        } catch (Throwable e) {
            return new Field[0];
        }
    }

    private static Object read(Field field, Object owner) {
        try {
            field.setAccessible(true);
            return field.get(owner);
        } catch (Throwable e) {
            return null;
        }
    }

    private static URL[] urls(List<Path> classpath) {
        List<URL> urls = new ArrayList<>();
        for (Path entry : classpath) {
            try {
                urls.add(entry.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException(entry.toString(), e);
            }
        }
        return urls.toArray(URL[]::new);
    }
}
