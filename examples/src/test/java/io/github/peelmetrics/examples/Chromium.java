package io.github.peelmetrics.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Headless Chromium driven over the DevTools protocol with the JDK's own WebSocket client (no
 * Selenium, no Playwright, no network): launch with {@code --remote-debugging-port=0}, read the port
 * from {@code DevToolsActivePort} in a fresh profile folder, attach to the first page, then send
 * commands ({@code Emulation.setDeviceMetricsOverride}, {@code Page.navigate}, {@code Runtime.evaluate},
 * {@code Page.captureScreenshot}) and wait for their replies. Closed by {@link #close()} (the process
 * this class started, and its profile folder).
 */
final class Chromium implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

    /**
     * The browser to run: {@code $PEEL_CHROMIUM}, else the first of chromium, chromium-browser,
     * google-chrome on the PATH; empty when there is none.
     */
    static Optional<Path> find() {
        String env = System.getenv("PEEL_CHROMIUM");
        if (env != null && !env.isBlank()) {
            Path p = Path.of(env);
            return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
            for (String dir : path.split(File.pathSeparator)) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    private Chromium(Process process, Path profile, WebSocket socket) {
        this.process = process;
        this.profile = profile;
        this.socket = socket;
    }

    /** Starts the browser and attaches to its page. */
    static Chromium launch(Path binary) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("peel-chromium-");
        List<String> cmd = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-extensions", "--disable-default-apps", "--hide-scrollbars",
                "--mute-audio", "--force-color-profile=srgb", "--font-render-hinting=none",
                "--remote-debugging-port=0", "--remote-allow-origins=*", "--user-data-dir=" + profile, "about:blank"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(profile.resolve("chromium.log").toFile()).start();
        try {
            Path portFile = profile.resolve("DevToolsActivePort");
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (!Files.exists(portFile) || Files.readAllLines(portFile).size() < 2) {
                if (!p.isAlive()) {
                    throw new IOException("chromium exited with " + p.exitValue() + ": " + log(profile));
                }
                if (System.nanoTime() > deadline) {
                    throw new IOException("chromium did not open its DevTools port in " + TIMEOUT + ": " + log(profile));
                }
                Thread.sleep(50);
            }
            int port = Integer.parseInt(Files.readAllLines(portFile).get(0).strip());
            HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
            String page = null;
            while (page == null) {
                String list = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
                        .timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString()).body();
                for (JsonNode t : JSON.readTree(list)) {
                    if ("page".equals(t.path("type").asText())) {
                        page = t.path("webSocketDebuggerUrl").asText();
                        break;
                    }
                }
                if (page == null) {
                    if (System.nanoTime() > deadline) {
                        throw new IOException("chromium has no page target: " + list);
                    }
                    Thread.sleep(50);
                }
            }
            Chromium[] self = new Chromium[1];
            StringBuilder partial = new StringBuilder();
            WebSocket ws = http.newWebSocketBuilder().connectTimeout(TIMEOUT).buildAsync(URI.create(page), new WebSocket.Listener() {
                @Override
                public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                    partial.append(data);
                    if (last) {
                        String message = partial.toString();
                        partial.setLength(0);
                        self[0].receive(message);
                    }
                    w.request(1);
                    return null;
                }
            }).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            self[0] = new Chromium(p, profile, ws);
            return self[0];
        } catch (IOException | InterruptedException | RuntimeException e) {
            p.destroyForcibly();
            throw e;
        } catch (Exception e) {
            p.destroyForcibly();
            throw new IOException("cannot attach to chromium: " + e, e);
        }
    }

    private static String log(Path profile) {
        try {
            return Files.readString(profile.resolve("chromium.log"));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private void receive(String message) {
        try {
            JsonNode m = JSON.readTree(message);
            if (m.has("id")) {
                CompletableFuture<JsonNode> f = pending.remove(m.get("id").asInt());
                if (f != null) {
                    f.complete(m);
                }
            }
        } catch (IOException e) {
            pending.values().forEach(f -> f.completeExceptionally(e));
        }
    }

    /** Sends a command and returns its {@code result}; an error reply is an {@link IllegalStateException}. */
    JsonNode send(String method, Map<String, Object> params) {
        int id = ids.incrementAndGet();
        ObjectNode msg = JSON.createObjectNode();
        msg.put("id", id);
        msg.put("method", method);
        msg.set("params", JSON.valueToTree(params));
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        try {
            socket.sendText(JSON.writeValueAsString(msg), true).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            JsonNode r = reply.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (r.has("error")) {
                throw new IllegalStateException(method + " failed: " + r.get("error"));
            }
            return r.path("result");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " interrupted", e);
        } catch (Exception e) {
            if (e instanceof IllegalStateException ise) {
                throw ise;
            }
            throw new IllegalStateException(method + " failed: " + e, e);
        }
    }

    /** Sets the viewport: CSS width and height, device pixel ratio, mobile (honours the viewport meta tag). */
    void viewport(int width, int height, double scale, boolean mobile) {
        send("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height, "deviceScaleFactor", scale,
                "mobile", mobile));
    }

    /** Opens a URL and waits until the document has loaded. */
    void open(String url) throws InterruptedException {
        send("Page.enable", Map.of());
        send("Page.navigate", Map.of("url", url));
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!"complete".equals(evaluate("document.readyState").asText())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(url + " did not load in " + TIMEOUT);
            }
            Thread.sleep(50);
        }
    }

    /** Evaluates an expression in the page and returns its value (by value: JSON). */
    JsonNode evaluate(String expression) {
        JsonNode r = send("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
        if (r.has("exceptionDetails")) {
            throw new IllegalStateException("script failed: " + r.get("exceptionDetails"));
        }
        return r.path("result").path("value");
    }

    /** A PNG of the area (CSS pixels) {@code x, y, width, height} of the page, at {@code scale}. */
    byte[] screenshot(double x, double y, double width, double height, double scale) {
        JsonNode r = send("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true,
                "clip", Map.of("x", x, "y", y, "width", width, "height", height, "scale", scale)));
        return Base64.getDecoder().decode(r.path("data").asText().getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public void close() throws IOException {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            // the process is ended below either way
        }
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
