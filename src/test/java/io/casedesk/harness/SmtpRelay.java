package io.casedesk.harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP relay between one node and the harness's SMTP server that can be made slow: every chunk the server sends back
 * waits {@link #delay} first, so a delivery spends seconds inside its SMTP conversation, a part of it after the server
 * has taken the message (the duplicate window, see README "Crash safety and two nodes"). That puts mail jobs in flight
 * when the harness kills the node.
 */
final class SmtpRelay implements AutoCloseable {

    private final ServerSocket listener;
    private final int targetPort;
    private final AtomicLong delayMillis = new AtomicLong();
    private final AtomicInteger open = new AtomicInteger();
    private final Thread acceptor;

    SmtpRelay(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = daemon("smtp-relay", this::accept);
    }

    int port() {
        return listener.getLocalPort();
    }

    void delay(long millis) {
        delayMillis.set(millis);
    }

    /** SMTP conversations under way through this relay. */
    int open() {
        return open.get();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                open.incrementAndGet();
                AtomicInteger ends = new AtomicInteger();
                Runnable closeBoth = () -> {
                    if (ends.incrementAndGet() == 1) {
                        open.decrementAndGet();
                    }
                    quietly(client);
                    quietly(server);
                };
                daemon("smtp-relay-up", () -> pump(client, server, false, closeBoth));
                daemon("smtp-relay-down", () -> pump(server, client, true, closeBoth));
            } catch (IOException e) {
                // closed while accepting: the relay is shut down
            }
        }
    }

    private void pump(Socket from, Socket to, boolean slowed, Runnable closeBoth) {
        byte[] buffer = new byte[8192];
        try (InputStream in = from.getInputStream()) {
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buffer)) >= 0) {
                long wait = slowed ? delayMillis.get() : 0;
                if (wait > 0) {
                    Thread.sleep(wait);
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // one side went away (a killed node, a closed relay): end the conversation
        } finally {
            closeBoth.run();
        }
    }

    static Thread daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void quietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        acceptor.interrupt();
    }
}
