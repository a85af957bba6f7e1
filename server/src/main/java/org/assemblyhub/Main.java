package org.assemblyhub;

import io.vertx.core.Future;
import org.assemblyhub.config.ConfigException;
import org.assemblyhub.config.ConfigLoader;
import org.assemblyhub.config.HubConfig;
import org.assemblyhub.demo.DemoAssembly;
import org.assemblyhub.demo.DemoBanner;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code java -jar assembly-hub.jar [--port N] [--host ADDR] [--data DIR] [--public-url URL] [--config FILE] [--demo]
 * [--store file|redis] [--redis-url URL] [--accept-weaker-durability]}
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tT %4$s %3$s: %5$s%6$s%n");
        System.setProperty("vertx.logger-delegate-factory-class-name", "io.vertx.core.logging.JULLogDelegateFactory");
        HubConfig config;
        try {
            config = ConfigLoader.load(Arrays.asList(args), System.getenv());
        } catch (ConfigException e) {
            System.err.println("assembly-hub: configuration error: " + e.getMessage());
            System.exit(2);
            return;
        }
        HubConfig finalConfig = config;
        // The main thread waits for the start: when it fails, Vert.x is closed and no other thread is left to say so.
        List<String> links;
        AtomicReference<String> watchUrl = new AtomicReference<>();
        try {
            links = Hub.start(config)
                    .compose(hub -> {
                        watchUrl.set(hub.watch().url());
                        Runtime.getRuntime()
                                .addShutdownHook(new Thread(() -> hub.stop().await()));
                        hub.newBootstrapToken()
                                .ifPresent(token ->
                                        BootstrapNotice.show(token, finalConfig.dataDir(), System.console() != null));
                        if (!finalConfig.demo()) return Future.succeededFuture(List.<String>of());
                        return DemoAssembly.start(hub.vertx(), finalConfig.dataDir(), finalConfig.publicUrl());
                    })
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (ExecutionException e) {
            System.err.println("assembly-hub could not start: " + describe(e.getCause()));
            System.exit(1);
            return;
        }
        StartNotice.lines(finalConfig, watchUrl.get()).forEach(System.out::println);
        if (finalConfig.demo()) DemoBanner.lines(finalConfig, links).forEach(System.out::println);
    }

    /** The failure in words, with its cause ("Address already in use" hides under a bind exception). */
    private static String describe(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        Throwable cause = e.getCause();
        return cause != null && cause.getMessage() != null && !message.contains(cause.getMessage())
                ? message + " (" + cause.getMessage() + ")"
                : message;
    }
}
