package org.assemblyhub.web.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.http.impl.websocket.WebSocketFrameImpl;
import org.junit.jupiter.api.Test;

class SharedTextTest {
    @Test
    void everySocketGetsTheWholeTextEvenAfterAnotherSocketReadTheBytes() {
        SharedText text = new SharedText("{\"type\":\"patch\",\"text\":\"Réunion à l'hôtel de ville — ok\"}");
        WebSocketFrame first = text.frame();
        var firstBytes = ((WebSocketFrameImpl) first).getBinaryData();
        firstBytes.skipBytes(firstBytes.readableBytes()); // what Netty's frame encoder does to the content it writes
        firstBytes.release();

        WebSocketFrame second = text.frame();
        assertThat(second.isText()).isTrue();
        assertThat(second.isFinal()).isTrue();
        assertThat(second.textData()).isEqualTo(text.text());
    }

    @Test
    void aMessageLongerThanOneFrameIsLeftToTheOrdinaryPath() {
        assertThat(new SharedText("x".repeat(SharedText.MAX_FRAME_BYTES)).fitsOneFrame())
                .isTrue();
        assertThat(new SharedText("é".repeat(SharedText.MAX_FRAME_BYTES / 2 + 1)).fitsOneFrame())
                .isFalse();
    }
}
