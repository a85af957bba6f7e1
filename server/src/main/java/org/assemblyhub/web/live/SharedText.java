package org.assemblyhub.web.live;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.http.WebSocketFrameType;
import io.vertx.core.http.impl.websocket.WebSocketFrameImpl;

import java.nio.charset.StandardCharsets;

/**
 * An audience message encoded to UTF-8 once per gateway verticle and written as the same bytes to every socket of
 * the audience. {@code writeTextMessage(String)} encodes the text again for each socket: at 10,000 observers that
 * was the largest CPU item of the fan-out and a tenth of the hub's garbage.
 *
 * <p>Vert.x has no public way to make a text frame from bytes, so this uses its {@code WebSocketFrameImpl} (checked
 * against Vert.x 5.1; the socket tests fail if it changes). The bytes are wrapped as unreleasable and each socket
 * gets its own duplicate (own read index): Netty's frame encoder reads the content it writes.
 */
final class SharedText {
    /** The server's default maximum frame size; longer messages go the ordinary way, split into frames. */
    static final int MAX_FRAME_BYTES = 65_536;

    private final String text;
    private final ByteBuf utf8;

    SharedText(String text) {
        this.text = text;
        this.utf8 = Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(text.getBytes(StandardCharsets.UTF_8)));
    }

    String text() {
        return text;
    }

    int bytes() {
        return utf8.readableBytes();
    }

    boolean fitsOneFrame() {
        return utf8.readableBytes() <= MAX_FRAME_BYTES;
    }

    WebSocketFrame frame() {
        return new WebSocketFrameImpl(WebSocketFrameType.TEXT, utf8.duplicate(), true);
    }
}
