package org.assemblyhub.learning.library;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Text files must be UTF-8 (strictly: a stray byte is refused, never replaced) and hold no NUL character. */
final class Utf8 {
    private Utf8() {}

    static String text(FileKind kind, byte[] bytes) throws FileRefused {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw FileRefused.wrongType(kind, "binary data or text not in UTF-8");
        }
        if (text.indexOf('\0') >= 0) throw FileRefused.wrongType(kind, "binary data");
        return text;
    }
}
