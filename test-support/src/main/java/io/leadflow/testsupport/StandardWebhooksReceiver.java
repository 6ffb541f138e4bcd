package io.leadflow.testsupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real webhook receiver written as a sales tool would write it: a small Node.js server that
 * verifies every request with the published Standard Webhooks library from the npm registry
 * ({@value #PACKAGE}), installed into a directory the test owns on first use. Needs {@code node} and
 * {@code npm} ({@code apt-get install nodejs npm}); without them it fails, it never skips.
 */
public final class StandardWebhooksReceiver implements AutoCloseable {

    public static final String PACKAGE = "standardwebhooks@1.1.1";
    private static final String SCRIPT = "standardwebhooks-receiver.js";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process node;
    private final URI uri;
    private final HttpClient http = HttpClient.newHttpClient();

    /**
     * One decision of the receiver.
     *
     * @param id the request's {@code webhook-id}
     * @param verified whether the library accepted it
     * @param reason why it was refused, null when accepted
     * @param headers the request's {@code webhook-*} headers, as received
     * @param body the body as received
     */
    public record Verdict(String id, boolean verified, String reason, Map<String, String> headers, String body) {
    }

    /** Starts a receiver in {@code directory} (such as {@code target/webhook-receiver}) that trusts {@code secret}. */
    public StandardWebhooksReceiver(Path directory, String secret) throws IOException, InterruptedException {
        install(directory);
        ProcessBuilder builder = new ProcessBuilder("node", SCRIPT).directory(directory.toFile())
                .redirectError(directory.resolve("receiver.log").toFile());
        builder.environment().put("RECEIVER_SECRET", secret);
        this.node = builder.start();
        BufferedReader output = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
        String listening = output.readLine();
        if (listening == null || !listening.startsWith("listening ")) {
            ChildProcesses.kill(node);
            throw new IllegalStateException("the Node receiver did not start; see " + directory.resolve("receiver.log"));
        }
        this.uri = URI.create("http://127.0.0.1:" + listening.substring("listening ".length()).trim() + "/webhooks");
    }

    /** Where it takes deliveries. */
    public URI uri() {
        return uri;
    }

    /** POSTs {@code body} with {@code headers} to the receiver, as a sender would; the answer's status (204 verified, 401 refused). */
    public int post(Map<String, String> headers, byte[] body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Every request received so far, in order, with the library's decision. */
    public List<Verdict> verdicts() throws IOException, InterruptedException {
        String body = http.send(HttpRequest.newBuilder(uri.resolve("/verdicts")).build(), HttpResponse.BodyHandlers.ofString()).body();
        return List.of(JSON.readValue(body, Verdict[].class));
    }

    @Override
    public void close() {
        ChildProcesses.stop(node);
    }

    private static void install(Path directory) throws IOException, InterruptedException {
        Files.createDirectories(directory);
        try (InputStream script = StandardWebhooksReceiver.class.getResourceAsStream(SCRIPT)) {
            Files.copy(script, directory.resolve(SCRIPT), StandardCopyOption.REPLACE_EXISTING);
        }
        if (Files.isRegularFile(directory.resolve("node_modules/standardwebhooks/package.json"))) {
            return;
        }
        Files.writeString(directory.resolve("package.json"), "{\"private\": true}\n");
        Process npm;
        try {
            npm = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--save-exact", PACKAGE)
                    .directory(directory.toFile()).redirectErrorStream(true).redirectOutput(directory.resolve("npm-install.log").toFile()).start();
        } catch (IOException noNpm) {
            throw new IllegalStateException("this test verifies webhooks with the npm package " + PACKAGE
                    + " and needs Node.js and npm: apt-get install nodejs npm", noNpm);
        }
        if (!npm.waitFor(3, TimeUnit.MINUTES) || npm.exitValue() != 0) {
            npm.destroyForcibly();
            throw new IllegalStateException("npm install " + PACKAGE + " failed; see " + directory.resolve("npm-install.log"));
        }
    }
}
