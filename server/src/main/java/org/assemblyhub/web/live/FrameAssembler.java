package org.assemblyhub.web.live;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketFrame;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Puts a socket's messages together frame by frame, so that one over the limit is refused as soon as it passes the
 * limit — whole or in fragments — and the rest of it is skipped without being kept in memory; binary messages are
 * refused and skipped the same way.
 */
final class FrameAssembler {
    /** What a socket's session does with the assembled messages. */
    interface Listener {
        void text(String text);

        /** A message refused before it was whole: {@code code} and its English sentence for an error. */
        void refused(String code, String message);
    }

    private final int maxBytes;
    private final Listener listener;
    /** The message being put together (null: none); whether it passed the limit; a binary one to skip. */
    private ByteArrayOutputStream partial;

    private boolean tooLarge;
    private boolean skipping;

    FrameAssembler(int maxBytes, Listener listener) {
        this.maxBytes = maxBytes;
        this.listener = listener;
    }

    void accept(WebSocketFrame frame) {
        if (frame.isText() || frame.isBinary()) {
            partial = frame.isText() ? new ByteArrayOutputStream() : null;
            tooLarge = false;
            if (frame.isBinary()) {
                listener.refused("binary-not-supported", "Send JSON text messages only.");
                skipping = !frame.isFinal();
                return;
            }
            skipping = false;
        } else if (!frame.isContinuation() || (partial == null && !skipping)) {
            return;
        }
        if (skipping) {
            if (frame.isFinal()) skipping = false;
            return;
        }
        Buffer data = frame.binaryData();
        if (!tooLarge && partial.size() + data.length() > maxBytes) {
            tooLarge = true;
            partial = new ByteArrayOutputStream();
            listener.refused("message-too-large", "Messages are limited to " + maxBytes / 1024 + " KiB.");
        }
        if (!tooLarge) partial.writeBytes(data.getBytes());
        if (frame.isFinal()) {
            byte[] whole = partial.toByteArray();
            partial = null;
            if (!tooLarge) listener.text(new String(whole, StandardCharsets.UTF_8));
            tooLarge = false;
        }
    }
}
